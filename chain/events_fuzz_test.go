package chain

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/assaynet/assay/chain/bindings"
)

// FuzzUnpackEvents decodes arbitrary logs as each event the roles read
// (Registered, ParamsSet, WeightsSet), with the right signature topic so
// that decoding gets past it: a node answering garbage must give an
// error, never a panic.
func FuzzUnpackEvents(f *testing.F) {
	parsed, err := bindings.SubnetMetaData.ParseABI()
	if err != nil {
		f.Fatal(err)
	}
	sub := bindings.NewSubnet()
	events := []string{"Registered", "ParamsSet", "WeightsSet"}
	f.Add(uint8(0), []byte{}, []byte{})
	f.Add(uint8(1), make([]byte, 32*6), make([]byte, 32))
	f.Add(uint8(2), make([]byte, 32*4), make([]byte, 64))
	f.Fuzz(func(t *testing.T, which uint8, data, topics []byte) {
		ev := parsed.Events[events[int(which)%len(events)]]
		log := &types.Log{Topics: []common.Hash{ev.ID}, Data: data}
		for len(topics) >= 32 && len(log.Topics) < 4 {
			log.Topics = append(log.Topics, common.BytesToHash(topics[:32]))
			topics = topics[32:]
		}
		switch ev.Name {
		case "Registered":
			sub.UnpackRegisteredEvent(log)
		case "ParamsSet":
			sub.UnpackParamsSetEvent(log)
		case "WeightsSet":
			sub.UnpackWeightsSetEvent(log)
		}
	})
}
