package export

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/assaynet/assay/internal/atomicfile"
)

// Formats are the file formats Write takes.
var Formats = []string{"parquet", "jsonl"}

// Write writes rows to path in format ("parquet" or "jsonl") crash-safely
// (internal/atomicfile): a reader never sees half a file, and a failure (a
// full disk) leaves an earlier file intact.
func Write(path, format string, rows []Row) error {
	var enc func(io.Writer, []Row) error
	switch format {
	case "parquet":
		enc = writeParquet
	case "jsonl":
		enc = writeJSONL
	default:
		return fmt.Errorf("export: format %q: want parquet or jsonl", format)
	}
	if err := atomicfile.Write(path, 0o644, func(w io.Writer) error { return enc(w, rows) }); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func writeJSONL(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range rows {
		if err := enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// writeParquet writes one file, zstd-compressed, in row groups of up to
// 8,192 rollouts.
func writeParquet(w io.Writer, rows []Row) error {
	pw := parquet.NewGenericWriter[Row](w, parquet.Compression(&zstd.Codec{}), parquet.MaxRowsPerRowGroup(8192))
	if _, err := pw.Write(rows); err != nil {
		return err
	}
	return pw.Close()
}

// ReadParquet reads rows written by Write (tests, and tools checking an
// export).
func ReadParquet(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return parquet.Read[Row](f, st.Size())
}
