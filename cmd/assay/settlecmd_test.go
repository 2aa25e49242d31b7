package main

import (
	"testing"

	"github.com/assaynet/assay/settle"
)

func TestParseShape(t *testing.T) {
	for _, c := range []struct {
		in   string
		want settle.Shape
		ok   bool
	}{
		{"2,2,16", settle.DefaultShape, true},
		{" 1, 3 ,5", settle.Shape{Windows: 1, Validators: 3, Uids: 5}, true},
		{"2,2", settle.Shape{}, false},
		{"2,x,16", settle.Shape{}, false},
		{"0,2,16", settle.Shape{}, false},
		{"2,2,5000", settle.Shape{}, false},
	} {
		got, err := parseShape(c.in)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("parseShape(%q) = %+v, %v", c.in, got, err)
		}
	}
}
