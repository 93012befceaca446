# budgetpdf in a small image: a static Go binary (pure-Go SQLite, no cgo)
# on distroless. Build: docker build -t budgetpdf .
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/budgetpdf ./cmd/budgetpdf

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/budgetpdf /usr/local/bin/budgetpdf
ENTRYPOINT ["/usr/local/bin/budgetpdf"]
