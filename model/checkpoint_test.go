package model

import (
	"os"
	"path/filepath"
	"testing"
)

const tinyStories = "../../shared/models/tinystories-656k"

func needTinyStories(t testing.TB) string {
	if _, err := os.Stat(filepath.Join(tinyStories, "model.safetensors")); err != nil {
		t.Skipf("TinyStories model not found at %s (the ../shared folder is absent): %v", tinyStories, err)
	}
	return tinyStories
}

func TestOpenTinyStories(t *testing.T) {
	ck, err := OpenCheckpoint(needTinyStories(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	if ck.Config.Arch != ArchLlama || ck.Config.KVHeads != 4 || ck.Config.HeadDim != 16 {
		t.Fatalf("config: %+v", ck.Config)
	}
	if ck.Aliases["model.embed_tokens.weight"] != "lm_head.weight" {
		t.Fatalf("tied embedding alias not found: %v", ck.Aliases)
	}
	emb, _ := ck.Tensor("model.embed_tokens.weight")
	if emb.DType != F32 || emb.Shape[0] != 2048 {
		t.Fatalf("embed: %v %v", emb.DType, emb.Shape)
	}
}
