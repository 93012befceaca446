// Copyright 2014 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// The standard security handler (PDF 32000-1:2008 §7.6 and ISO 32000-2
// §7.6.4): RC4 40 to 128 bits (R2-R4), AES-128 (R4, AESV2) and AES-256
// (R5, R6, AESV3), opened with the user or the owner password. Rewritten
// for budgetpdf from the upstream reader, which took the full MD5 as the
// RC4-40 object key, kept the AES padding and knew neither AES-256 nor
// owner passwords.

package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"io"
)

var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// ErrInvalidPassword: neither the empty password nor a given one opens the file.
var ErrInvalidPassword = fmt.Errorf("encrypted PDF: invalid password")

// A cipher method of a crypt filter.
type method int

const (
	methodNone method = iota // Identity
	methodRC4
	methodAES128
	methodAES256
)

// crypt decrypts the strings and streams of one file.
type crypt struct {
	key          []byte // the file key
	str, stm     method
	plainMeta    bool // /EncryptMetadata false
	identityStms bool
}

func padPassword(pw []byte) []byte {
	p := make([]byte, 0, 32)
	p = append(p, pw[:min(len(pw), 32)]...)
	return append(p, passwordPad[:32-len(p)]...)
}

// initEncrypt sets r.crypt when password (user or owner) opens the file.
func (r *Reader) initEncrypt(password string) error {
	encrypt, _ := r.resolve(objptr{}, r.trailer["Encrypt"]).data.(dict)
	if encrypt["Filter"] != name("Standard") {
		return fmt.Errorf("unsupported PDF: encryption filter %v", short(encrypt["Filter"]))
	}
	V, _ := encrypt["V"].(int64)
	R, _ := encrypt["R"].(int64)
	O, _ := encrypt["O"].(string)
	U, _ := encrypt["U"].(string)
	p, _ := encrypt["P"].(int64)
	c := &crypt{}
	if em, ok := encrypt["EncryptMetadata"].(bool); ok && !em {
		c.plainMeta = true
	}
	switch V {
	case 1, 2:
		c.str, c.stm = methodRC4, methodRC4
	case 4, 5:
		var err error
		if c.stm, err = cryptFilter(encrypt, "StmF"); err != nil {
			return err
		}
		if c.str, err = cryptFilter(encrypt, "StrF"); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unsupported PDF: encryption version V=%d", V)
	}
	if R >= 5 {
		key, err := aes256Key(password, R, O, U, encrypt)
		if err != nil {
			return err
		}
		c.key = key
		r.crypt = c
		return nil
	}
	if R < 2 {
		return fmt.Errorf("malformed PDF: encryption revision R=%d", R)
	}
	n, _ := encrypt["Length"].(int64)
	if n == 0 || V == 1 {
		n = 40
	}
	if V == 4 {
		n = 128
	}
	if n%8 != 0 || n > 128 || n < 40 {
		return fmt.Errorf("malformed PDF: %d-bit encryption key", n)
	}
	if len(O) < 32 || len(U) < 32 {
		return fmt.Errorf("malformed PDF: missing O= or U= encryption parameters")
	}
	ids, _ := r.trailer["ID"].(array)
	var id []byte
	if len(ids) > 0 {
		s, _ := ids[0].(string)
		id = []byte(s)
	}
	meta := !c.plainMeta
	keyLen := int(n / 8)
	if R == 2 {
		keyLen = 5
	}
	tryUser := func(pw []byte) []byte {
		key := fileKeyRC4(pw, []byte(O[:32]), uint32(p), id, R, keyLen, meta)
		if checkUser(key, []byte(U), id, R) {
			return key
		}
		return nil
	}
	if key := tryUser([]byte(password)); key != nil {
		c.key = key
		r.crypt = c
		return nil
	}
	// Algorithm 7: the owner password decrypts O into the user password.
	h := md5.Sum(padPassword([]byte(password)))
	ok := h[:]
	if R >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(ok[:keyLen])
			ok = s[:]
		}
	}
	ok = ok[:keyLen]
	user := []byte(O[:32])
	user = append([]byte(nil), user...)
	if R == 2 {
		rc, _ := rc4.NewCipher(ok)
		rc.XORKeyStream(user, user)
	} else {
		k := make([]byte, len(ok))
		for i := 19; i >= 0; i-- {
			for j := range k {
				k[j] = ok[j] ^ byte(i)
			}
			rc, _ := rc4.NewCipher(k)
			rc.XORKeyStream(user, user)
		}
	}
	if key := tryUser(user); key != nil {
		c.key = key
		r.crypt = c
		return nil
	}
	return ErrInvalidPassword
}

// cryptFilter reads the method of the crypt filter /StmF or /StrF names.
func cryptFilter(encrypt dict, which string) (method, error) {
	nm, _ := encrypt[name(which)].(name)
	if nm == "" || nm == "Identity" {
		return methodNone, nil
	}
	cf, _ := encrypt["CF"].(dict)
	f, _ := cf[nm].(dict)
	if f == nil {
		return 0, fmt.Errorf("malformed PDF: crypt filter %s missing", Quote([]byte(nm), 30))
	}
	switch cfm, _ := f["CFM"].(name); cfm {
	case "V2":
		return methodRC4, nil
	case "AESV2":
		return methodAES128, nil
	case "AESV3":
		return methodAES256, nil
	case "None", "":
		return methodNone, nil
	default:
		return 0, fmt.Errorf("unsupported PDF: crypt filter method %s", Quote([]byte(cfm), 30))
	}
}

// fileKeyRC4 is Algorithm 2: the file key of revisions 2-4.
func fileKeyRC4(pw, O []byte, P uint32, id []byte, R int64, keyLen int, meta bool) []byte {
	h := md5.New()
	h.Write(padPassword(pw))
	h.Write(O)
	h.Write([]byte{byte(P), byte(P >> 8), byte(P >> 16), byte(P >> 24)})
	h.Write(id)
	if R >= 4 && !meta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if R >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(key[:keyLen])
			key = s[:]
		}
	}
	return key[:keyLen]
}

// checkUser is Algorithms 4 and 5: does key give the file's U?
func checkUser(key, U, id []byte, R int64) bool {
	if R == 2 {
		u := append([]byte(nil), passwordPad...)
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(u, u)
		return bytes.Equal(U[:32], u)
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(id)
	u := h.Sum(nil)
	c, _ := rc4.NewCipher(key)
	c.XORKeyStream(u, u)
	k := make([]byte, len(key))
	for i := 1; i <= 19; i++ {
		for j := range k {
			k[j] = key[j] ^ byte(i)
		}
		c, _ = rc4.NewCipher(k)
		c.XORKeyStream(u, u)
	}
	return bytes.Equal(U[:16], u)
}

// aes256Key is Algorithms 2.A, 2.B and 11-12: the file key of R5 and R6
// from the user or the owner password.
func aes256Key(password string, R int64, O, U string, encrypt dict) ([]byte, error) {
	OE, _ := encrypt["OE"].(string)
	UE, _ := encrypt["UE"].(string)
	if len(O) < 48 || len(U) < 48 || len(OE) < 32 || len(UE) < 32 {
		return nil, fmt.Errorf("malformed PDF: missing O, U, OE or UE encryption parameters")
	}
	pw := []byte(password)
	if len(pw) > 127 {
		pw = pw[:127]
	}
	o, u := []byte(O[:48]), []byte(U[:48])
	unwrap := func(kek, wrapped []byte) []byte {
		b, _ := aes.NewCipher(kek)
		out := make([]byte, 32)
		cipher.NewCBCDecrypter(b, make([]byte, 16)).CryptBlocks(out, wrapped[:32])
		return out
	}
	if bytes.Equal(hash2B(pw, u[32:40], nil, R), u[:32]) {
		return unwrap(hash2B(pw, u[40:48], nil, R), []byte(UE)), nil
	}
	if bytes.Equal(hash2B(pw, o[32:40], u, R), o[:32]) {
		return unwrap(hash2B(pw, o[40:48], u, R), []byte(OE)), nil
	}
	return nil, ErrInvalidPassword
}

// hash2B is Algorithm 2.B (R6), or the plain SHA-256 of R5.
func hash2B(pw, salt, udata []byte, R int64) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if R == 5 {
		return k
	}
	for i := 0; ; i++ {
		seq := make([]byte, 0, len(pw)+len(k)+len(udata))
		seq = append(append(append(seq, pw...), k...), udata...)
		k1 := bytes.Repeat(seq, 64)
		b, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(b, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		case 2:
			s := sha512.Sum512(e)
			k = s[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i+1-32 {
			break
		}
	}
	return k[:32]
}

// objectKey is Algorithm 1: the key of one object (AES-256 uses the file key).
func (c *crypt) objectKey(m method, ptr objptr) []byte {
	if m == methodAES256 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(ptr.id), byte(ptr.id >> 8), byte(ptr.id >> 16), byte(ptr.gen), byte(ptr.gen >> 8)})
	if m == methodAES128 {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

func (c *crypt) decryptString(ptr objptr, x string) string {
	switch c.str {
	case methodRC4:
		rc, _ := rc4.NewCipher(c.objectKey(methodRC4, ptr))
		data := []byte(x)
		rc.XORKeyStream(data, data)
		return string(data)
	case methodAES128, methodAES256:
		s := []byte(x)
		if len(s) < 2*aes.BlockSize || len(s)%aes.BlockSize != 0 {
			panic(errors.New("malformed PDF: an encrypted string is not whole AES blocks"))
		}
		b, _ := aes.NewCipher(c.objectKey(c.str, ptr))
		iv, s := s[:aes.BlockSize], s[aes.BlockSize:]
		cipher.NewCBCDecrypter(b, iv).CryptBlocks(s, s)
		return string(unpad(s))
	}
	return x
}

// unpad removes PKCS#5 padding; malformed padding is left alone.
func unpad(s []byte) []byte {
	if len(s) == 0 {
		return s
	}
	n := int(s[len(s)-1])
	if n < 1 || n > aes.BlockSize || n > len(s) {
		return s
	}
	for _, c := range s[len(s)-n:] {
		if int(c) != n {
			return s
		}
	}
	return s[:len(s)-n]
}

// plainStream reports whether a stream is stored unencrypted although the
// file is: cross-reference streams, metadata under /EncryptMetadata false,
// and streams whose own /Crypt filter is /Identity.
func (c *crypt) plainStream(v Value) bool {
	if c.stm == methodNone {
		return true
	}
	switch v.Key("Type").Name() {
	case "XRef":
		return true
	case "Metadata":
		if c.plainMeta {
			return true
		}
	}
	f := v.Key("Filter")
	return f.Name() == "Crypt" || f.Index(0).Name() == "Crypt"
}

func (c *crypt) decryptStream(ptr objptr, rd io.Reader) io.Reader {
	key := c.objectKey(c.stm, ptr)
	if c.stm == methodRC4 {
		rc, _ := rc4.NewCipher(key)
		return &cipher.StreamReader{S: rc, R: rd}
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return &errorReadCloser{err}
	}
	iv := make([]byte, aes.BlockSize)
	if _, err := io.ReadFull(rd, iv); err != nil {
		return &errorReadCloser{fmt.Errorf("encrypted stream shorter than its IV: %w", err)}
	}
	return &cbcReader{cbc: cipher.NewCBCDecrypter(b, iv), rd: rd}
}

// cbcReader decrypts AES-CBC blocks, removing the padding of the last one
// (it reads one block ahead to know which is last).
type cbcReader struct {
	cbc     cipher.BlockMode
	rd      io.Reader
	cur     []byte // decrypted, not yet handed out
	next    [aes.BlockSize]byte
	hasNext bool
	done    bool
}

func (r *cbcReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.done {
			return 0, io.EOF
		}
		if !r.hasNext {
			if _, err := io.ReadFull(r.rd, r.next[:]); err != nil {
				r.done = true
				if err == io.ErrUnexpectedEOF {
					return 0, errors.New("encrypted stream is not whole AES blocks")
				}
				return 0, io.EOF
			}
			r.hasNext = true
		}
		blk := make([]byte, aes.BlockSize)
		r.cbc.CryptBlocks(blk, r.next[:])
		_, err := io.ReadFull(r.rd, r.next[:])
		switch err {
		case nil:
			r.cur = blk
		case io.EOF:
			r.cur, r.done = unpad(blk), true
		default:
			// a trailing partial block: what came before it is the data
			r.cur, r.done = blk, true
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}
