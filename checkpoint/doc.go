// Package checkpoint distributes model folders over HTTP: a server that
// publishes checkpoints by model id with a manifest of their files (size
// and SHA-256 each) and byte-range requests, and a fetcher that downloads
// one into a cache keyed by model id, resumes interrupted downloads,
// checks every file against the manifest and the assembled folder against
// the model id it was asked for, and only then makes it visible.
//
// Routes (docs/checkpoints.md):
//
//	GET /                          the model ids served, as JSON
//	GET /{id}/manifest.json        the manifest of model id (64 hex)
//	GET /{id}/files/{name}         one file, with Range support
//	GET /{id}/deltas/{from}/{name} a patch building that file from model from's
//
// The model id (model.Checkpoint.ModelID) binds the configuration and every
// weight; the tokenizer and generation config are bound only by the
// manifest's hashes, which come from the same server.
package checkpoint
