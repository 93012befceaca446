package pdf

// objStmData returns the decoded data of an object stream, decoding each
// once: every object read from it would otherwise decode the whole stream
// again (and count it again against Limits.DocumentBytes). The cache holds
// at most Limits.StreamBytes; past that it starts over.
func (r *Reader) objStmData(strm Value) []byte {
	key := strm.ptr
	if data, ok := r.objStms[key]; ok && key != (objptr{}) {
		return data
	}
	data, err := strm.ReadAll()
	if err != nil && len(data) == 0 {
		panic(err)
	}
	if r.objStms == nil || r.objStmLen+int64(len(data)) > r.lim.StreamBytes {
		r.objStms, r.objStmLen = map[objptr][]byte{}, 0
	}
	r.objStms[key] = data
	r.objStmLen += int64(len(data))
	return data
}
