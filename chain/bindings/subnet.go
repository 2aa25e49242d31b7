// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// SubnetMetaData contains all meta data concerning the Subnet contract.
var SubnetMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"key\",\"type\":\"bytes\"}],\"name\":\"BeaconKeySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"round\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"randomness\",\"type\":\"bytes32\"}],\"name\":\"BeaconStored\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"miner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"Committed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Credited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"pool\",\"type\":\"uint256\"}],\"name\":\"Funded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"}],\"name\":\"ModelAnnounced\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"windowLength\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"groupSize\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"k\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleNum\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleDen\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"beaconChain\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"staleWindows\",\"type\":\"uint64\"}],\"name\":\"ParamsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"state\",\"type\":\"uint256\"}],\"name\":\"PostHashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"digest\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"credited\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"carried\",\"type\":\"uint256\"}],\"name\":\"Settled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"epochLength\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"uids\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"validators\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"emissionPerEpoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"minerBps\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"}],\"name\":\"SettlementConfigured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bonded\",\"type\":\"uint256\"}],\"name\":\"Staked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bonded\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"releaseWindow\",\"type\":\"uint64\"}],\"name\":\"Unstaked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"indexed\":false,\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"WeightsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_STAKE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_URL_BYTES\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PARAMS_DELAY\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"UNBONDING_WINDOWS\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"beaconChain\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"beaconKey\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"round\",\"type\":\"uint64\"}],\"name\":\"beaconRandomness\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"commit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"miner\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"commitmentOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"epochLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"uids_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"validators_\",\"type\":\"uint32\"},{\"internalType\":\"uint256\",\"name\":\"emission_\",\"type\":\"uint256\"},{\"internalType\":\"uint32\",\"name\":\"minerBps_\",\"type\":\"uint32\"}],\"name\":\"configureSettlement\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"emissionPerEpoch\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"epochDigest\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"h\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"epochLength\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fund\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"groupSize\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"k\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"lastPost\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"posted\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minerBps\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"modelUrlAt\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"name\":\"neuron\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"neuronCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"paramsAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pool\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"asValidator\",\"type\":\"bool\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleDen\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleNum\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"key\",\"type\":\"bytes\"}],\"name\":\"setBeaconKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"}],\"name\":\"setModel\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"name\":\"setParams\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"setWeights\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256[8]\",\"name\":\"proof\",\"type\":\"uint256[8]\"},{\"internalType\":\"uint256[]\",\"name\":\"payouts\",\"type\":\"uint256[]\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"settleFrom\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"settleUids\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"settleValidators\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"name\":\"settled\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"stake\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"stakeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"bonded\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unbonding\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"releaseWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"staleWindows\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"round\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"submitBeacon\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"randomness\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"uidOf\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"registered\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"unstake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"verifier\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"weightsOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"windowLength\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"windowPostState\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"state\",\"type\":\"uint256\"},{\"internalType\":\"uint32\",\"name\":\"posts\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Subnet",
	Bin: "0x60c060405234801561000f575f5ffd5b50604051615df8380380615df883398101604081905261002e9161039d565b5f876001600160401b03161161009a5760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a2077696e646f77206c656e677468206d75737420626520706f60448201526573697469766560d01b60648201526084015b60405180910390fd5b5f80546001600160a01b031916331790556001600160401b03871660805260a08290526100cb888787878786610205565b8051600155602080820151600280546040808601516060808801516080808a015160a09a8b01516001600160401b03908116600160801b02600160801b600160c01b031963ffffffff9384166c010000000000000000000000000263ffffffff60601b19968516680100000000000000000296909616600160401b600160801b0319988516640100000000026001600160401b0319909b169c85169c909c1799909917969096169990991792909217959095169290921790945581515f81529586018f90528d8516868301528c8116938601939093528a83169185019190915288821694840194909452861660c083015260e08201859052831661010082015290517fa0d7cf426361b2d6bd7531413ba37fbf93557b7185572f6259609b8265b29db3918190036101200190a15050505050505050610422565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a08101919091525f8663ffffffff1611801561025057505f8563ffffffff16115b6102ae5760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b6064820152608401610091565b5f8363ffffffff161180156102cf57508263ffffffff168463ffffffff1611155b6103295760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b6064820152608401610091565b506040805160c08101825296875263ffffffff958616602088015293851693860193909352908316606085015290911660808301526001600160401b031660a082015290565b80516001600160401b0381168114610385575f5ffd5b919050565b805163ffffffff81168114610385575f5ffd5b5f5f5f5f5f5f5f5f610100898b0312156103b5575f5ffd5b885197506103c560208a0161036f565b96506103d360408a0161038a565b95506103e160608a0161038a565b94506103ef60808a0161038a565b93506103fd60a08a0161038a565b60c08a0151909350915061041360e08a0161036f565b90509295985092959890939650565b60805160a0516159926104665f395f818161043a01528181611524015261415f01525f81816107530152818161148a01528181612b09015261413701526159925ff3fe6080604052600436106102d9575f3560e01c80636f0e270111610189578063b4f40c61116100d8578063c98517c511610092578063e00135421161006d578063e001354214610a09578063ed74c18514610a2c578063f23851a914610a4b578063fd746b6414610a60575f5ffd5b8063c98517c51461095d578063ca20344f14610974578063d9b7a282146109ea575f5ffd5b8063b4f40c61146108d0578063b60d4288146108e4578063ba0bafb4146108ec578063bb48f96614610900578063bf1567d91461091f578063c9659c111461093e575f5ffd5b80638f294da6116101435780639aa2f3971161011e5780639aa2f3971461080f578063a37e5eaa14610823578063a753eeeb1461083f578063ac03f489146108aa575f5ffd5b80638f294da6146107a75780638f7e2867146107c65780639434ca5d146107f3575f5ffd5b80636f0e2701146106d557806370a08231146106e9578063785d281c146107145780637c70b205146107425780638cf155d2146107755780638da5cb5b14610789575f5ffd5b80633ccfd60b116102455780634e71d92d116101ff5780635daff8c5116101da5780635daff8c51461062957806363b635ea1461068d5780636774d2f5146106a1578063681e19b6146106b6575f5ffd5b80634e71d92d146105db578063573465b3146105ef57806357d775f814610603575f5ffd5b80633ccfd60b146104d957806342623360146104ed57806343cdaad21461055e57806344dbf4ac1461057257806349a92f811461059e5780634b2358a4146105b2575f5ffd5b806317691a221161029657806317691a22146103eb57806322c0350b146104295780632b7ac3f31461045c5780632e17de7814610493578063399bccde146104b25780633a4b66f1146104d1575f5ffd5b8063036866e6146102dd57806304781d211461030f5780630b688f40146103305780630c377a071461036b57806311627f7e1461039f57806316f0115b146103d6575b5f5ffd5b3480156102e8575f5ffd5b506102fc6102f73660046148eb565b610a74565b6040519081526020015b60405180910390f35b34801561031a575f5ffd5b5061032e610329366004614979565b610e53565b005b34801561033b575f5ffd5b5061034f61034a3660046149f1565b61141c565b6040805163ffffffff9093168352901515602083015201610306565b348015610376575f5ffd5b506102fc610385366004614a0a565b6001600160401b03165f908152600f602052604090205490565b3480156103aa575f5ffd5b506103be6103b9366004614a36565b61145e565b6040516001600160401b039091168152602001610306565b3480156103e1575f5ffd5b506102fc60145481565b3480156103f6575f5ffd5b50610419610405366004614a0a565b60176020525f908152604090205460ff1681565b6040519015158152602001610306565b348015610434575f5ffd5b506102fc7f000000000000000000000000000000000000000000000000000000000000000081565b348015610467575f5ffd5b5060105461047b906001600160a01b031681565b6040516001600160a01b039091168152602001610306565b34801561049e575f5ffd5b5061032e6104ad366004614aba565b611688565b3480156104bd575f5ffd5b5061032e6104cc366004614ad1565b6117b1565b61032e611b64565b3480156104e4575f5ffd5b5061032e611d29565b3480156104f8575f5ffd5b5061053a6105073660046149f1565b6001600160a01b03165f908152600d602052604090208054600182015460029092015490926001600160401b0390911690565b6040805193845260208401929092526001600160401b031690820152606001610306565b348015610569575f5ffd5b506102fc611ec8565b34801561057d575f5ffd5b5061059161058c366004614a0a565b611ed7565b6040516103069190614b68565b3480156105a9575f5ffd5b506103be600281565b3480156105bd575f5ffd5b506105c6611fb2565b60405163ffffffff9091168152602001610306565b3480156105e6575f5ffd5b5061032e611fd1565b3480156105fa575f5ffd5b5061059161210b565b34801561060e575f5ffd5b506010546103be90600160a01b90046001600160401b031681565b348015610634575f5ffd5b50610673610643366004614a0a565b6001600160401b03165f90815260156020908152604080832054601690925290912054909163ffffffff90911690565b6040805192835263ffffffff909116602083015201610306565b348015610698575f5ffd5b506105c6612197565b3480156106ac575f5ffd5b506102fc60125481565b3480156106c1575f5ffd5b5061032e6106d0366004614b7a565b6121af565b3480156106e0575f5ffd5b506105c661241c565b3480156106f4575f5ffd5b506102fc6107033660046149f1565b60186020525f908152604090205481565b34801561071f575f5ffd5b5061073361072e366004614ba2565b61243b565b60405161030693929190614bbb565b34801561074d575f5ffd5b506103be7f000000000000000000000000000000000000000000000000000000000000000081565b348015610780575f5ffd5b506103be612571565b348015610794575f5ffd5b505f5461047b906001600160a01b031681565b3480156107b2575f5ffd5b506105c66107c1366004614bf0565b612593565b3480156107d1575f5ffd5b506107e56107e03660046149f1565b612862565b604051610306929190614c46565b3480156107fe575f5ffd5b506013546105c69063ffffffff1681565b34801561081a575f5ffd5b506103be600481565b34801561082e575f5ffd5b506011546105c69063ffffffff1681565b34801561084a575f5ffd5b5061085e610859366004614a0a565b61290f565b6040805197885263ffffffff968716602089015294861694870194909452918416606086015290921660808401526001600160401b0391821660a08401521660c082015260e001610306565b3480156108b5575f5ffd5b506013546103be90600160201b90046001600160401b031681565b3480156108db575f5ffd5b506105c6612a31565b61032e612a50565b3480156108f7575f5ffd5b506103be612afb565b34801561090b575f5ffd5b506102fc61091a366004614ca0565b612b34565b34801561092a575f5ffd5b5061032e610939366004614cd1565b612b89565b348015610949575f5ffd5b506103be610958366004614d4f565b6132aa565b348015610968575f5ffd5b506102fc600160601b81565b34801561097f575f5ffd5b506109c561098e3660046149f1565b6001600160a01b03165f908152600b6020526040902080546001909101546001600160401b03821692600160401b90920460ff1691565b604080516001600160401b039094168452911515602084015290820152606001610306565b3480156109f5575f5ffd5b5061032e610a04366004614d7d565b61341e565b348015610a14575f5ffd5b506010546105c690600160e01b900463ffffffff1681565b348015610a37575f5ffd5b506102fc610a46366004614a0a565b6135a8565b348015610a56575f5ffd5b506102fc61020081565b348015610a6b575f5ffd5b506009546102fc565b5f600e8054610a8290614dbb565b905061010014610ad95760405162461bcd60e51b815260206004820152601960248201527f5375626e65743a206e6f20626561636f6e206b6579207365740000000000000060448201526064015b60405180910390fd5b5f846001600160401b031611610b315760405162461bcd60e51b815260206004820152601f60248201527f5375626e65743a20726f756e642030206973206e6f74206120626561636f6e006044820152606401610ad0565b60808214610ba75760405162461bcd60e51b815260206004820152603860248201527f5375626e65743a207369676e6174757265206d7573742062652061203132382d60448201527f6279746520473120706f696e7420284549502d323533372900000000000000006064820152608401610ad0565b6001600160401b0384165f908152600f602052604090205415610c0c5760405162461bcd60e51b815260206004820152601c60248201527f5375626e65743a20726f756e6420616c72656164792073746f726564000000006044820152606401610ad0565b6040516001600160c01b031960c086901b1660208201525f90610c8c9060029060280160408051601f1981840301815290829052610c4991614e0a565b602060405180830381855afa158015610c64573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610c879190614e15565b61367a565b90505f5f600f6001600160a01b03168686604051806101200160405280610100815260200161582d610100913986600e604051602001610cd0959493929190614e2c565b60408051601f1981840301815290829052610cea91614e0a565b5f60405180830381855afa9150503d805f8114610d22576040519150601f19603f3d011682016040523d82523d5f602084013e610d27565b606091505b5091509150818015610d3a575080516020145b8015610d4e5750610d4a81614ec1565b6001145b610d9a5760405162461bcd60e51b815260206004820152601c60248201527f5375626e65743a2062616420626561636f6e207369676e6174757265000000006044820152606401610ad0565b6002610da68787613a30565b604051610db39190614e0a565b602060405180830381855afa158015610dce573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610df19190614e15565b6001600160401b0388165f818152600f60205260409081902083905551919550907f706cdccb4698c62c0927eb63b71274e51a7f61f16c69aaaa070f6f353fc23d6290610e419087815260200190565b60405180910390a25050509392505050565b6010546001600160a01b0316610eb55760405162461bcd60e51b815260206004820152602160248201527f5375626e65743a20736574746c656d656e74206e6f7420636f6e6669677572656044820152601960fa1b6064820152608401610ad0565b6013546001600160401b03600160201b90910481169085161015610f295760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2065706f6368206265666f726520736574746c656d656e74206044820152643132b3b0b760d91b6064820152608401610ad0565b6001600160401b0384165f9081526017602052604090205460ff1615610f915760405162461bcd60e51b815260206004820152601d60248201527f5375626e65743a2065706f636820616c726561647920736574746c65640000006044820152606401610ad0565b610f99612afb565b6001600160401b0316610faa613b7a565b600190810154601054600160801b9091046001600160401b0390811692600160a01b9092041690610fdc908890614ef8565b610fe69190614f17565b610ff09190614ef8565b6001600160401b031611156110595760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a207468652065706f63682063616e207374696c6c207265636560448201526869766520706f73747360b81b6064820152608401610ad0565b601054600160e01b900463ffffffff1681146110b75760405162461bcd60e51b815260206004820152601a60248201527f5375626e65743a206f6e65207061796f757420706572207569640000000000006044820152606401610ad0565b60125460145410156111315760405162461bcd60e51b815260206004820152603d60248201527f5375626e65743a2074686520656d697373696f6e20706f6f6c20686f6c64732060448201527f6c657373207468616e20616e2065706f6368277320656d697373696f6e0000006064820152608401610ad0565b5f61113b856135a8565b90505f805b838110156111f75784848281811061115a5761115a614f40565b905060200201358261116c9190614f54565b915084848281811061118057611180614f40565b905060200201355f1480611195575060095481105b6111ef5760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a207061796f757420746f20616e20756e72656769737465726560448201526419081d5a5960da1b6064820152608401610ad0565b600101611140565b506012548111156112565760405162461bcd60e51b815260206004820152602360248201527f5375626e65743a207061796f757473206578636565642074686520656d69737360448201526234b7b760e91b6064820152608401610ad0565b61126282868686613bc1565b6001600160401b0386165f908152601760205260408120805460ff1916600117905560148054839290611296908490614f67565b909155505f90505b838110156113ba578484828181106112b8576112b8614f40565b905060200201355f03156113b2575f600982815481106112da576112da614f40565b5f9182526020909120600390910201546001600160a01b0316905085858381811061130757611307614f40565b9050602002013560185f836001600160a01b03166001600160a01b031681526020019081526020015f205f82825461133f9190614f54565b90915550506001600160a01b03811663ffffffff83166001600160401b038a167f3f246a344d84ab97412917da2777b90df26b4e3aa9128b02caeb748c66ce362c89898781811061139257611392614f40565b905060200201356040516113a891815260200190565b60405180910390a4505b60010161129e565b50856001600160401b03167f464b11358e1c4734505cfc5fc0ee7b18c9199e1db5353d536b0fbe4f7806ab9e8383846012546113f69190614f67565b6040805193845260208401929092529082015260600160405180910390a2505050505050565b6001600160a01b0381165f908152600a6020526040812054819080820361144857505f93849350915050565b611453600182614f67565b946001945092505050565b5f80546001600160a01b031633146114885760405162461bcd60e51b8152600401610ad090614f7a565b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316886001600160401b0316146115225760405162461bcd60e51b815260206004820152603060248201527f5375626e65743a207468652077696e646f77206c656e6774682069732066697860448201526f195908185d0819195c1b1bde5b595b9d60821b6064820152608401610ad0565b7f000000000000000000000000000000000000000000000000000000000000000083146115a95760405162461bcd60e51b815260206004820152602f60248201527f5375626e65743a2074686520626561636f6e20636861696e206973206669786560448201526e1908185d0819195c1b1bde5b595b9d608a1b6064820152608401610ad0565b5f5f6115b3613d37565b915091505f825f01548c146115d65760405180602001604052805f81525061165f565b8180546115e290614dbb565b80601f016020809104026020016040519081016040528092919081815260200182805461160e90614dbb565b80156116595780601f1061163057610100808354040283529160200191611659565b820191905f5260205f20905b81548152906001019060200180831161163c57829003601f168201915b50505050505b90506116786116728d8c8c8c8c8b613d63565b82613ecd565b9c9b505050505050505050505050565b335f908152600d6020526040902081158015906116a6575080548211155b6116fe5760405162461bcd60e51b815260206004820152602360248201527f5375626e65743a20756e7374616b65206d6f7265207468616e20697320626f6e60448201526219195960ea1b6064820152608401610ad0565b81815f015f8282546117109190614f67565b9250508190555081816001015f82825461172a9190614f54565b909155506004905061173a612afb565b6117449190614ef8565b60028201805467ffffffffffffffff19166001600160401b03929092169182179055815460408051858152602081019290925281019190915233907f62025ee20069a54141c1845fca38f85327b0817f45db7703f599d57a5642b2b4906060015b60405180910390a25050565b5f546001600160a01b0316331461181f5760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a206f6e6c7920746865206f776e657220636f6e66696775726560448201526b1cc81cd95d1d1b195b595b9d60a21b6064820152608401610ad0565b6010546001600160a01b0316156118865760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a20736574746c656d656e7420616c726561647920636f6e666960448201526419dd5c995960da1b6064820152608401610ad0565b6001600160a01b038616158015906118a657505f856001600160401b0316115b80156118b757505f8463ffffffff16115b80156118c857505f8363ffffffff16115b6119205760405162461bcd60e51b8152602060048201526024808201527f5375626e65743a2062616420736574746c656d656e7420636f6e6669677572616044820152633a34b7b760e11b6064820152608401610ad0565b60095463ffffffff851610156119975760405162461bcd60e51b815260206004820152603660248201527f5375626e65743a206d6f7265206e6575726f6e732072656769737465726564206044820152757468616e20736574746c656d656e7420636f7665727360501b6064820152608401610ad0565b600160601b821080156119b257506127108163ffffffff1611155b611a26576040805162461bcd60e51b81526020600482015260248101919091527f5375626e65743a20656d697373696f6e206174206d6f737420325e393620776560448201527f692c206d696e6572207368617265206174206d6f7374203130303030206270736064820152608401610ad0565b601080546001600160a01b0388166001600160e01b031990911617600160a01b6001600160401b03881602176001600160e01b0316600160e01b63ffffffff87811691909102919091179091556011805463ffffffff199081168684161790915560128490556013805490911691831691909117905584611aa5612afb565b611aaf9190614fd4565b611aba906001614ef8565b601380546bffffffffffffffff000000001916600160201b6001600160401b0393841681029190911791829055604080516001600160a01b038b168152898516602082015263ffffffff808a169282019290925281881660608201526080810187905290851660a0820152910490911660c08201527f18e6c54e7d2a0db70a8f83a5e5c6d685460e601b16a089996067990f247d60fe9060e00160405180910390a1505050505050565b335f908152600a60205260409020548015801590611bb157506009611b8a600183614f67565b81548110611b9a57611b9a614f40565b5f91825260209091206002600390920201015460ff165b611c0e5760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a206f6e6c7920726567697374657265642076616c696461746f6044820152677273207374616b6560c01b6064820152608401610ad0565b5f3411611c5d5760405162461bcd60e51b815260206004820152601860248201527f5375626e65743a206e6f7468696e6720746f207374616b6500000000000000006044820152606401610ad0565b335f908152600d60205260408120805490913491839190611c7f908490614f54565b90915550508054600160601b11611cee5760405162461bcd60e51b815260206004820152602d60248201527f5375626e65743a20626f6e646564207374616b65206d7573742073746179206260448201526c656c6f7720325e39362077656960981b6064820152608401610ad0565b805460405133917f1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee90916117a591348252602082015260400190565b335f908152600d602052604090206001810154611d885760405162461bcd60e51b815260206004820152601c60248201527f5375626e65743a206e6f7468696e6720697320756e626f6e64696e67000000006044820152606401610ad0565b60028101546001600160401b0316611d9e612afb565b6001600160401b03161015611df55760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a207374616b65206973207374696c6c20756e626f6e64696e676044820152606401610ad0565b6001810180545f90915560405181815233907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a26040515f90339083908381818185875af1925050503d805f8114611e73576040519150601f19603f3d011682016040523d82523d5f602084013e611e78565b606091505b5050905080611ec35760405162461bcd60e51b815260206004820152601760248201527614dd589b995d0e881d1c985b9cd9995c8819985a5b1959604a1b6044820152606401610ad0565b505050565b5f611ed1613b7a565b54919050565b60605f611ee38361290f565b6006549097506001600160401b031615801596509450611f15935050505057506006546001600160401b038281169116145b611f20576007611f23565b60085b8054611f2e90614dbb565b80601f0160208091040260200160405190810160405280929190818152602001828054611f5a90614dbb565b8015611fa55780601f10611f7c57610100808354040283529160200191611fa5565b820191905f5260205f20905b815481529060010190602001808311611f8857829003601f168201915b5050505050915050919050565b5f611fbb613b7a565b60010154600160401b900463ffffffff16919050565b335f908152601860205260409020548061202d5760405162461bcd60e51b815260206004820152601860248201527f5375626e65743a206e6f7468696e6720746f20636c61696d00000000000000006044820152606401610ad0565b335f8181526018602052604080822091909155517fd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a906120709084815260200190565b60405180910390a26040515f90339083908381818185875af1925050503d805f81146120b7576040519150601f19603f3d011682016040523d82523d5f602084013e6120bc565b606091505b50509050806121075760405162461bcd60e51b815260206004820152601760248201527614dd589b995d0e881d1c985b9cd9995c8819985a5b1959604a1b6044820152606401610ad0565b5050565b600e805461211890614dbb565b80601f016020809104026020016040519081016040528092919081815260200182805461214490614dbb565b801561218f5780601f106121665761010080835404028352916020019161218f565b820191905f5260205f20905b81548152906001019060200180831161217257829003601f168201915b505050505081565b5f6121a0613b7a565b6001015463ffffffff16919050565b335f908152600a602052604090205480158015906121fd575060096121d5600183614f67565b815481106121e5576121e5614f40565b5f91825260209091206002600390920201015460ff16155b61225a5760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a2063616c6c6572206973206e6f74206120726567697374657260448201526732b21036b4b732b960c11b6064820152608401610ad0565b612262612afb565b6001600160401b0316836001600160401b0316146122f45760405162461bcd60e51b815260206004820152604360248201527f5375626e65743a20636f6d6d69746d656e74732061726520666f72207468652060448201527f63757272656e742077696e646f772c206265666f72652069747320646561646c606482015262696e6560e81b608482015260a401610ad0565b816123385760405162461bcd60e51b815260206004820152601460248201527314dd589b995d0e88195b5c1d1e48191a59d95cdd60621b6044820152606401610ad0565b335f908152600c602052604090208054600160401b900460ff16158061236b575080546001600160401b03858116911614155b6123b75760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a2077696e646f7720616c726561647920636f6d6d69747465646044820152606401610ad0565b805468ffffffffffffffffff19166001600160401b038516908117600160401b1782556001820184905560405184815233907f787877d5fc7bc8f5267952f96083be086f8222c5b63a74f25faa708d86e954a29060200160405180910390a350505050565b5f612425613b7a565b60010154600160601b900463ffffffff16919050565b5f60605f6009805490508463ffffffff161061248f5760405162461bcd60e51b815260206004820152601360248201527214dd589b995d0e881b9bc81cdd58da081d5a59606a1b6044820152606401610ad0565b5f60098563ffffffff16815481106124a9576124a9614f40565b5f9182526020909120600390910201805460028201546001830180549394506001600160a01b039092169260ff9091169082906124e590614dbb565b80601f016020809104026020016040519081016040528092919081815260200182805461251190614dbb565b801561255c5780601f106125335761010080835404028352916020019161255c565b820191905f5260205f20905b81548152906001019060200180831161253f57829003601f168201915b50505050509150935093509350509193909250565b5f61257a613b7a565b60010154600160801b90046001600160401b0316919050565b5f6101008311156125f55760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a20656e64706f696e74206c6f6e676572207468616e2032353660448201526520627974657360d01b6064820152608401610ad0565b335f908152600a602052604081205490819003612785576010546001600160a01b031615806126355750601054600954600160e01b90910463ffffffff16115b6126a75760405162461bcd60e51b815260206004820152603960248201527f5375626e65743a2072656769737472792066756c6c2028736574746c656d656e60448201527f7420636f7665727320736574746c6555696473207569647329000000000000006064820152608401610ad0565b60096040518060600160405280336001600160a01b0316815260200187878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525093855250505086151560209283015283546001808201865594825290829020835160039092020180546001600160a01b0319166001600160a01b0390921691909117815590820151919290919082019061274e9082615086565b50604091820151600291909101805460ff1916911515919091179055600954335f908152600a602052919091208190559050612801565b84846009612794600185614f67565b815481106127a4576127a4614f40565b905f5260205f20906003020160010191826127c092919061513b565b508260096127cf600184614f67565b815481106127df576127df614f40565b5f9182526020909120600390910201600201805460ff19169115159190911790555b61280c600182614f67565b9150336001600160a01b03168263ffffffff167fe043f4edb4f512dc52e9015ee5c0226d7303885714f9d2c713e8c23afc4a3ebc87878760405161285293929190615217565b60405180910390a3509392505050565b6001600160a01b0381165f908152600b60209081526040808320805460028201805484518187028101870190955280855260609593946001600160401b03909316939192918391908301828280156128fe57602002820191905f5260205f20905f905b82829054906101000a900461ffff1661ffff16815260200190600201906020826001010492830192600103820291508084116128c55790505b505050505090509250925050915091565b6003546006545f91829182918291829182916001600160401b0391821691600191161580159061294e57506006546001600160401b03908116908a1610155b156129645750506006546001600160401b031660045b816001600160401b0316896001600160401b031610156129e35760405162461bcd60e51b815260206004820152603460248201527f5375626e65743a206f6c64657220706172616d65746572732061726520696e2060448201527374686520506172616d73536574206576656e747360601b6064820152608401610ad0565b8054600190910154909963ffffffff8083169a50600160201b830481169950600160401b830481169850600160601b8304169650600160801b9091046001600160401b031694509092509050565b5f612a3a613b7a565b60010154600160201b900463ffffffff16919050565b5f3411612a9f5760405162461bcd60e51b815260206004820152601760248201527f5375626e65743a206e6f7468696e6720746f2066756e640000000000000000006044820152606401610ad0565b3460145f828254612ab09190614f54565b909155505060145460405133917fcd909ec339185c4598a4096e174308fbdf136d117f230960f873a2f2e81f63af91612af191348252602082015260400190565b60405180910390a2565b5f612b2f6001600160401b037f0000000000000000000000000000000000000000000000000000000000000000164361523c565b905090565b6001600160a01b0382165f908152600c602052604081208054600160401b900460ff168015612b6f575080546001600160401b038481169116145b612b79575f612b7f565b80600101545b9150505b92915050565b335f908152600a60205260409020548015801590612bd657506009612baf600183614f67565b81548110612bbf57612bbf614f40565b5f91825260209091206002600390920201015460ff165b612c375760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a2063616c6c6572206973206e6f74206120726567697374657260448201526b32b2103b30b634b230ba37b960a11b6064820152608401610ad0565b335f908152600d6020526040902054612c9d5760405162461bcd60e51b815260206004820152602260248201527f5375626e65743a2063616c6c657220686173206e6f20626f6e646564207374616044820152616b6560f01b6064820152608401610ad0565b838214612cfe5760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a207569647320616e64207765696768747320646966666572206044820152680d2dc40d8cadccee8d60bb1b6064820152608401610ad0565b600954841115612d655760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a206d6f72652077656967687473207468616e2072656769737460448201526b65726564206e6575726f6e7360a01b6064820152608401610ad0565b5f612d6e612afb565b9050806001600160401b0316876001600160401b031610612dd15760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a2077696e646f77206973206e6f7420636c6f736564207965746044820152606401610ad0565b806001600160401b0316612de3613b7a565b60010154612e0190600160801b90046001600160401b031689614ef8565b6001600160401b03161015612e585760405162461bcd60e51b815260206004820152601760248201527f5375626e65743a2077696e646f77206973207374616c650000000000000000006044820152606401610ad0565b335f908152600b602052604090208054600160401b900460ff161580612e8b575080546001600160401b03908116908916115b612efd5760405162461bcd60e51b815260206004820152603960248201527f5375626e65743a2077696e646f7720616c726561647920706f73746564206f7260448201527f206f6c646572207468616e20746865206c61737420706f7374000000000000006064820152608401610ad0565b6009545f5b878110156130555781898983818110612f1d57612f1d614f40565b9050602002016020810190612f329190614ba2565b63ffffffff1610612f855760405162461bcd60e51b815260206004820152601860248201527f5375626e65743a20756e726567697374657265642075696400000000000000006044820152606401610ad0565b801561304d578888612f98600184614f67565b818110612fa757612fa7614f40565b9050602002016020810190612fbc9190614ba2565b63ffffffff16898983818110612fd457612fd4614f40565b9050602002016020810190612fe99190614ba2565b63ffffffff161161304d5760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a2075696473206d757374206265207374726963746c7920696e6044820152676372656173696e6760c01b6064820152608401610ad0565b600101612f02565b505f87156130a457888861306a600182614f67565b81811061307957613079614f40565b905060200201602081019061308e9190614ba2565b61309f9063ffffffff166001614f54565b6130a6565b5f5b6001600160401b038111156130bd576130bd615001565b6040519080825280602002602001820160405280156130e6578160200160208202803683370190505b5090505f5b888110156131735787878281811061310557613105614f40565b905060200201602081019061311a9190615260565b828b8b8481811061312d5761312d614f40565b90506020020160208101906131429190614ba2565b63ffffffff168151811061315857613158614f40565b61ffff909216602092830291909101909101526001016130eb565b50825468ffffffffffffffffff19166001600160401b038b1617600160401b1783556040516131ac908a908a908a908a90602001615279565b60408051601f1981840301815291905280516020909101206001840155600283016131d78282615380565b50896001600160401b0316336001600160a01b03167fabb1abe9cc88f0ab23c82623d4ebd1cdd6522538c503e273a0b6ac5a22ac61818b8b8b8b6040516132219493929190615279565b60405180910390a36010546001600160a01b03161580159061327557506013546010546001600160401b03600160201b90920482169161326991600160a01b9004168c614fd4565b6001600160401b031610155b1561329e5761329e8a613289600188614f67565b335f908152600d60205260409020548461422b565b50505050505050505050565b5f80546001600160a01b031633146132d45760405162461bcd60e51b8152600401610ad090614f7a565b836133175760405162461bcd60e51b815260206004820152601360248201527214dd589b995d0e881b9bc81b5bd9195b081a59606a1b6044820152606401610ad0565b6102008211156133695760405162461bcd60e51b815260206004820152601a60248201527f5375626e65743a206d6f64656c2055524c20746f6f206c6f6e670000000000006044820152606401610ad0565b5f613372613d37565b506040805160c081018252600183015463ffffffff808216602080850191909152600160201b8304821684860152600160401b830482166060850152600160601b83049091166080840152600160801b9091046001600160401b031660a08301528882528251601f88018290048202810182019093528683529293509161341491839188908890819084018382808284375f92019190915250613ecd92505050565b9695505050505050565b5f546001600160a01b0316331461348a5760405162461bcd60e51b815260206004820152602a60248201527f5375626e65743a206f6e6c7920746865206f776e657220736574732074686520604482015269626561636f6e206b657960b01b6064820152608401610ad0565b600e805461349790614dbb565b1590506134e65760405162461bcd60e51b815260206004820152601e60248201527f5375626e65743a20626561636f6e206b657920616c72656164792073657400006044820152606401610ad0565b610100811461355d5760405162461bcd60e51b815260206004820152603960248201527f5375626e65743a20626561636f6e206b6579206d75737420626520612032353660448201527f2d6279746520473220706f696e7420284549502d3235333729000000000000006064820152608401610ad0565b600e61356a82848361513b565b507fad5e92c8d7c1f37e277defeb729e17ed9850efb8951ac98be5451c1bc6321b7e828260405161359c929190615460565b60405180910390a15050565b5f5f6135b2614519565b6010549091505f906135d490600160a01b90046001600160401b031685614f17565b90505b601054600160a01b90046001600160401b03166135f5856001614ef8565b6135ff9190614f17565b6001600160401b0316816001600160401b03161015613673576001600160401b0381165f9081526015602052604090205461363c9084908461456a565b6001600160401b0382165f9081526016602052604090205490935061366990849063ffffffff168461456a565b92506001016135d7565b5050919050565b60605f6040518060600160405280602b81526020016157e2602b91396040518060600160405280602b81526020016157e2602b9139516040516020016136c192919061547b565b60408051808303601f1901815281835260608301825292505f91600291602082018180368337505060405161370392915087906080905f9088906020016154a2565b60408051601f198184030181529082905261371d91614e0a565b602060405180830381855afa158015613738573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061375b9190614e15565b90505f600282600185604051602001613776939291906154f1565b60408051601f198184030181529082905261379091614e0a565b602060405180830381855afa1580156137ab573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906137ce9190614e15565b90505f60028284186002866040516020016137eb939291906154f1565b60408051601f198184030181529082905261380591614e0a565b602060405180830381855afa158015613820573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906138439190614e15565b90505f6002828518600387604051602001613860939291906154f1565b60408051601f198184030181529082905261387a91614e0a565b602060405180830381855afa158015613895573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906138b89190614e15565b90505f60028286186004886040516020016138d5939291906154f1565b60408051601f19818403018152908290526138ef91614e0a565b602060405180830381855afa15801561390a573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061392d9190614e15565b90505f61394261393d868661461a565b614710565b90505f61395261393d858561461a565b90505f5f600b6001600160a01b0316848460405160200161397492919061551f565b60408051601f198184030181529082905261398e91614e0a565b5f60405180830381855afa9150503d805f81146139c6576040519150601f19603f3d011682016040523d82523d5f602084013e6139cb565b606091505b50915091508180156139de575080516080145b613a215760405162461bcd60e51b815260206004820152601460248201527314dd589b995d0e8811cc5051110819985a5b195960621b6044820152606401610ad0565b9b9a5050505050505050505050565b6060613a40604060108486615533565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920182905250939450613a86925060609150605090508587615533565b613a8f9161555a565b608090811c91505f90613aa59060608688615533565b613aae91615590565b905060806f0d0088f51cbff34d258dd3db21a5d66b6001600160801b0384161180613b1b57506001600160801b0383166f0d0088f51cbff34d258dd3db21a5d66b148015613b1b57507fb23ba5c279c2895fb39869507b587b120f55ffff58a9ffffdcff7fffffffd55582115b15613b24576020175b80845f81518110613b3757613b37614f40565b602001015160f81c60f81b60f81c1760f81b845f81518110613b5b57613b5b614f40565b60200101906001600160f81b03191690815f1a90535050505092915050565b6006545f906001600160401b031615801590613bb157506006546001600160401b0316613ba5612afb565b6001600160401b031610155b613bbb5750600190565b50600490565b5f613bd5613bd0836003614f54565b6147f2565b604051602001613be591906155ad565b60408051601f198184030181529082905280516020918201206012546013549194505f93613c20938a9363ffffffff169189918991016155f0565b60408051601f19818403018152908290526010549092505f916001600160a01b03909116908490613c55908990602001615631565b60408051601f1981840301815290829052613c7592918690602001615641565b60408051601f1981840301815290829052613c8f91614e0a565b5f60405180830381855afa9150503d805f8114613cc7576040519150601f19603f3d011682016040523d82523d5f602084013e613ccc565b606091505b5050905080613d2e5760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a20736574746c656d656e742070726f6f6620646f6573206e6f604482015267742076657269667960c01b6064820152608401610ad0565b50505050505050565b6006545f9081906001600160401b03168103613d565760016007613d5b565b600460085b915091509091565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a08101919091525f8663ffffffff16118015613dae57505f8563ffffffff16115b613e0c5760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b6064820152608401610ad0565b5f8363ffffffff16118015613e2d57508263ffffffff168463ffffffff1611155b613e875760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b6064820152608401610ad0565b506040805160c08101825296875263ffffffff958616602088015293851693860193909352908316606085015290911660808301526001600160401b031660a082015290565b5f5f613ed7612afb565b6006549091506001600160401b03161561400d576006546001600160401b039081169082161015613f625760405162461bcd60e51b815260206004820152602f60248201527f5375626e65743a206120706172616d65746572206368616e676520697320616c60448201526e1c9958591e481cd8da19591d5b1959608a1b6064820152608401610ad0565b6004546001556005546002805463ffffffff80841667ffffffffffffffff1992831617600160201b8086048316021767ffffffffffffffff60401b1916600160401b80860483160263ffffffff60601b191617600160601b808604929092169091021767ffffffffffffffff60801b1916600160801b938490046001600160401b039081169094021790915560065460038054919093169116179055600761400b60088261565f565b505b835160045560208401516005805460408701516060880151608089015160a08a01516001600160401b0316600160801b0267ffffffffffffffff60801b1963ffffffff928316600160601b0263ffffffff60601b19948416600160401b029490941667ffffffffffffffff60401b19958416600160201b0267ffffffffffffffff199097169390981692909217949094179290921694909417939093179290921691909117905560086140c08482615086565b506140cc600282614ef8565b600680546001600160401b03831667ffffffffffffffff1990911617905584516020860151604080880151606089015160808a015160a08b015193519698507fa0d7cf426361b2d6bd7531413ba37fbf93557b7185572f6259609b8265b29db3966141d7968a9690957f0000000000000000000000000000000000000000000000000000000000000000959194919391927f000000000000000000000000000000000000000000000000000000000000000091906001600160401b03998a1681526020810198909852958816604088015263ffffffff9485166060880152928416608087015290831660a086015290911660c084015260e08301529091166101008201526101200190565b60405180910390a1835f0151826001600160401b03167fc96f96b137f56977538c0beb32e8bf00345293e512dcdcaec43de5992621027c8560405161421c9190614b68565b60405180910390a35092915050565b6010546017905f9061424d90600160a01b90046001600160401b031687614fd4565b6001600160401b0316815260208101919091526040015f205460ff16156142b65760405162461bcd60e51b815260206004820152601d60248201527f5375626e65743a2065706f636820616c726561647920736574746c65640000006044820152606401610ad0565b6011546001600160401b0385165f9081526016602052604090205463ffffffff9182169116106143465760405162461bcd60e51b815260206004820152603560248201527f5375626e65743a207468652077696e646f772068617320616c6c2074686520706044820152746f73747320736574746c656d656e7420686f6c647360581b6064820152608401610ad0565b5f61434f614519565b6001600160401b0386165f908152601560205260408120549192509061437c9063ffffffff87168461456a565b905061438981858461456a565b601054909150600160e01b900463ffffffff165f5b816143aa82600f615303565b1015614463575f805b600f811080156143d7575083816143cb85600f615303565b6143d59190614f54565b105b15614441575f816143e985600f615303565b6143f39190614f54565b9050875181101561442e57614409826010615303565b88828151811061441b5761441b614f40565b602002602001015161ffff16901b831792505b50806144398161571f565b9150506143b3565b5061444d84828761456a565b935050808061445b9061571f565b91505061439e565b506001600160401b0387165f9081526015602090815260408083208590556016909152812080546001929061449f90849063ffffffff16615737565b92506101000a81548163ffffffff021916908363ffffffff1602179055508563ffffffff16876001600160401b03167fe534531bbb95a484ee4f26d8edcad175da5a72d9086476a74aad640e4ab2ade68785604051614508929190918252602082015260400190565b60405180910390a350505050505050565b614521614872565b631cd9595960e21b5f5260045f205f5b606e81101561456557815f5260205f2091505f51602061580d5f395f51905f52820660208202840152600181019050614531565b505090565b5f825f5b606e8110156145dc575f51602061580d5f395f51905f52602082028501515f51602061580d5f395f51905f52888508085f51602061580d5f395f51905f528182095f51602061580d5f395f51905f52825f51602061580d5f395f51905f52838409099350505060010161456e565b505f51602061580d5f395f51905f5285820890505f51602061580d5f395f51905f52845f51602061580d5f395f51905f528784080895945050505050565b60605f5f60056001600160a01b03166040600160308888600160405180606001604052806030815260200161592d603091396040516020016146629796959493929190615753565b60408051601f198184030181529082905261467c91614e0a565b5f60405180830381855afa9150503d805f81146146b4576040519150601f19603f3d011682016040523d82523d5f602084013e6146b9565b606091505b50915091508180156146cc575080516030145b612b7f5760405162461bcd60e51b815260206004820152601560248201527414dd589b995d0e881353d11156140819985a5b1959605a1b6044820152606401610ad0565b60605f5f60106001600160a01b03165f60801b85604051602001614735929190615798565b60408051601f198184030181529082905261474f91614e0a565b5f60405180830381855afa9150503d805f8114614787576040519150601f19603f3d011682016040523d82523d5f602084013e61478c565b606091505b509150915081801561479f575080516080145b6147eb5760405162461bcd60e51b815260206004820152601b60248201527f5375626e65743a204d41505f46505f544f5f4731206661696c656400000000006044820152606401610ad0565b9392505050565b6060815f036148185750506040805180820190915260018152600360fc1b602082015290565b811561486d57614829600a836157b3565b614834906030614f54565b60f81b816040516020016148499291906157c6565b60408051601f198184030181529190529050614866600a8361523c565b9150614818565b919050565b60405180610dc00160405280606e906020820280368337509192915050565b80356001600160401b038116811461486d575f5ffd5b5f5f83601f8401126148b7575f5ffd5b5081356001600160401b038111156148cd575f5ffd5b6020830191508360208285010111156148e4575f5ffd5b9250929050565b5f5f5f604084860312156148fd575f5ffd5b61490684614891565b925060208401356001600160401b03811115614920575f5ffd5b61492c868287016148a7565b9497909650939450505050565b5f5f83601f840112614949575f5ffd5b5081356001600160401b0381111561495f575f5ffd5b6020830191508360208260051b85010111156148e4575f5ffd5b5f5f5f5f610140858703121561498d575f5ffd5b61499685614891565b93506101208501868111156149a9575f5ffd5b602086019350356001600160401b038111156149c3575f5ffd5b6149cf87828801614939565b95989497509550505050565b80356001600160a01b038116811461486d575f5ffd5b5f60208284031215614a01575f5ffd5b6147eb826149db565b5f60208284031215614a1a575f5ffd5b6147eb82614891565b803563ffffffff8116811461486d575f5ffd5b5f5f5f5f5f5f5f5f610100898b031215614a4e575f5ffd5b88359750614a5e60208a01614891565b9650614a6c60408a01614a23565b9550614a7a60608a01614a23565b9450614a8860808a01614a23565b9350614a9660a08a01614a23565b925060c08901359150614aab60e08a01614891565b90509295985092959890939650565b5f60208284031215614aca575f5ffd5b5035919050565b5f5f5f5f5f5f60c08789031215614ae6575f5ffd5b614aef876149db565b9550614afd60208801614891565b9450614b0b60408801614a23565b9350614b1960608801614a23565b925060808701359150614b2e60a08801614a23565b90509295509295509295565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6147eb6020830184614b3a565b5f5f60408385031215614b8b575f5ffd5b614b9483614891565b946020939093013593505050565b5f60208284031215614bb2575f5ffd5b6147eb82614a23565b6001600160a01b03841681526060602082018190525f90614bde90830185614b3a565b90508215156040830152949350505050565b5f5f5f60408486031215614c02575f5ffd5b83356001600160401b03811115614c17575f5ffd5b614c23868287016148a7565b90945092505060208401358015158114614c3b575f5ffd5b809150509250925092565b5f604082016001600160401b0385168352604060208401528084518083526060850191506020860192505f5b81811015614c9457835161ffff16835260209384019390920191600101614c72565b50909695505050505050565b5f5f60408385031215614cb1575f5ffd5b614cba836149db565b9150614cc860208401614891565b90509250929050565b5f5f5f5f5f60608688031215614ce5575f5ffd5b614cee86614891565b945060208601356001600160401b03811115614d08575f5ffd5b614d1488828901614939565b90955093505060408601356001600160401b03811115614d32575f5ffd5b614d3e88828901614939565b969995985093965092949392505050565b5f5f5f60408486031215614d61575f5ffd5b8335925060208401356001600160401b03811115614920575f5ffd5b5f5f60208385031215614d8e575f5ffd5b82356001600160401b03811115614da3575f5ffd5b614daf858286016148a7565b90969095509350505050565b600181811c90821680614dcf57607f821691505b602082108103614ded57634e487b7160e01b5f52602260045260245ffd5b50919050565b5f81518060208401855e5f93019283525090919050565b5f6147eb8284614df3565b5f60208284031215614e25575f5ffd5b5051919050565b848682375f8582015f8152614e4a614e448288614df3565b86614df3565b90505f8454614e5881614dbb565b600182168015614e6f5760018114614e8457614eb1565b60ff1983168552811515820285019350614eb1565b875f5260205f205f5b83811015614ea957815487820152600190910190602001614e8d565b505081850193505b50919a9950505050505050505050565b80516020808301519190811015614ded575f1960209190910360031b1b16919050565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b038181168382160190811115612b8357612b83614ee4565b6001600160401b038181168382160290811690818114614f3957614f39614ee4565b5092915050565b634e487b7160e01b5f52603260045260245ffd5b80820180821115612b8357612b83614ee4565b81810381811115612b8357612b83614ee4565b60208082526026908201527f5375626e65743a206f6e6c7920746865206f776e6572207365747320706172616040820152656d657465727360d01b606082015260800190565b634e487b7160e01b5f52601260045260245ffd5b5f6001600160401b03831680614fec57614fec614fc0565b806001600160401b0384160491505092915050565b634e487b7160e01b5f52604160045260245ffd5b5f5b82811015611ec3575f82820155600101615017565b601f821115611ec35782821115611ec357805f5260205f20601f840160051c602085101561505757505f5b61506b81601f860160051c03828401615015565b5050505050565b5f19600383901b1c191660019190911b1790565b81516001600160401b0381111561509f5761509f615001565b6150b3816150ad8454614dbb565b8461502c565b6020601f8211600181146150e0575f83156150ce5750848201515b6150d88482615072565b85555061506b565b5f84815260208120601f198516915b8281101561510f57878501518255602094850194600190920191016150ef565b508482101561512c57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6001600160401b0383111561515257615152615001565b615166836151608354614dbb565b8361502c565b5f601f841160018114615192575f85156151805750838201355b61518a8682615072565b84555061506b565b5f83815260208120601f198716915b828110156151c157868501358255602094850194600190920191016151a1565b50868210156151dd575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f61522a6040830185876151ef565b90508215156020830152949350505050565b5f8261524a5761524a614fc0565b500490565b803561ffff8116811461486d575f5ffd5b5f60208284031215615270575f5ffd5b6147eb8261524f565b604080825281018490525f8560608301825b878110156152b65763ffffffff6152a184614a23565b1682526020928301929091019060010161528b565b50838103602080860191909152858252019050845f5b858110156152f65761ffff6152e08361524f565b16835260209283019291909101906001016152cc565b5090979650505050505050565b8082028115828204841417612b8357612b83614ee4565b600160401b82111561532e5761532e615001565b805482825580831015611ec357600f830160041c825f528060205f2001601e8560011b16801561536d575f19820180545f198360200360031b1c168155505b5061506b82600f850160041c0382615015565b81516001600160401b0381111561539957615399615001565b6153a3818361531a565b602083016153b6835f9081526020902090565b8260041c5f5b81811015615415575f5f5b6010811015615408576153f76153df875161ffff1690565b61ffff908116600484901b90811b91901b1984161790565b6020969096019591506001016153c7565b50838201556001016153bc565b50600f198416808503818614615456575f5f5b828110156154505761543f6153df885161ffff1690565b602097909701969150600101615428565b50848401555b5050505050505050565b602081525f6154736020830184866151ef565b949350505050565b5f6154868285614df3565b60f89390931b6001600160f81b03191683525050600101919050565b5f6154ad8288614df3565b86815260f086901b6001600160f01b031916602082015260f885901b6001600160f81b03191660228201526154e56023820185614df3565b98975050505050505050565b83815260f883901b6001600160f81b03191660208201525f6155166021830184614df3565b95945050505050565b5f61547361552d8386614df3565b84614df3565b5f5f85851115615541575f5ffd5b8386111561554d575f5ffd5b5050820193919092039150565b80356001600160801b03198116906010841015614f39576001600160801b031960109490940360031b84901b1690921692915050565b80356020831015612b83575f19602084900360031b1b1692915050565b7f76657269667950726f6f662875696e743235365b385d2c75696e743235365b0081525f6155de601f830184614df3565b615d2960f01b81526002019392505050565b85815260208101859052604081018490525f6001600160fb1b03831115615615575f5ffd5b8260051b80856060850137919091016060019695505050505050565b6101008181019083833792915050565b6001600160e01b0319841681525f61551661552d6004840186614df3565b81810361566a575050565b6156748254614dbb565b6001600160401b0381111561568b5761568b615001565b615699816150ad8454614dbb565b5f601f8211600181146156bc575f83156150ce5750848201546150d88482615072565b5f8581526020808220868352908220601f198616925b838110156156f257828601548255600195860195909101906020016156d2565b508583101561570f57818501545f19600388901b60f8161c191681555b5050505050600190811b01905550565b5f6001820161573057615730614ee4565b5060010190565b63ffffffff8181168382160190811115612b8357612b83614ee4565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f61578b60a1830184614df3565b9998505050505050505050565b6001600160801b0319831681525f6154736010830184614df3565b5f826157c1576157c1614fc0565b500690565b6001600160f81b0319831681525f6154736001830184614df356fe424c535f5349475f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f4e554c5f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000100000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba2646970667358221220a2f2c8cc4605b1b9ac2b55189eb9d871066e58e0b4a5287b6c830348ec9a2f0664736f6c63430008250033",
}

// Subnet is an auto generated Go binding around an Ethereum contract.
type Subnet struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Subnet) GetABI() abi.ABI {
	return c.abi
}

// NewSubnet creates a new instance of Subnet.
func NewSubnet() *Subnet {
	parsed, err := SubnetMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Subnet{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Subnet) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) returns()
func (subnet *Subnet) PackConstructor(modelId_ [32]byte, windowLength_ uint64, groupSize_ uint32, k_ uint32, sampleNum_ uint32, sampleDen_ uint32, beaconChain_ [32]byte, staleWindows_ uint64) []byte {
	enc, err := subnet.abi.Pack("", modelId_, windowLength_, groupSize_, k_, sampleNum_, sampleDen_, beaconChain_, staleWindows_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXSTAKE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc98517c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_STAKE() view returns(uint256)
func (subnet *Subnet) PackMAXSTAKE() []byte {
	enc, err := subnet.abi.Pack("MAX_STAKE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSTAKE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc98517c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_STAKE() view returns(uint256)
func (subnet *Subnet) TryPackMAXSTAKE() ([]byte, error) {
	return subnet.abi.Pack("MAX_STAKE")
}

// UnpackMAXSTAKE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc98517c5.
//
// Solidity: function MAX_STAKE() view returns(uint256)
func (subnet *Subnet) UnpackMAXSTAKE(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("MAX_STAKE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXURLBYTES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf23851a9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_URL_BYTES() view returns(uint256)
func (subnet *Subnet) PackMAXURLBYTES() []byte {
	enc, err := subnet.abi.Pack("MAX_URL_BYTES")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXURLBYTES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf23851a9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_URL_BYTES() view returns(uint256)
func (subnet *Subnet) TryPackMAXURLBYTES() ([]byte, error) {
	return subnet.abi.Pack("MAX_URL_BYTES")
}

// UnpackMAXURLBYTES is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf23851a9.
//
// Solidity: function MAX_URL_BYTES() view returns(uint256)
func (subnet *Subnet) UnpackMAXURLBYTES(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("MAX_URL_BYTES", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPARAMSDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49a92f81.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PARAMS_DELAY() view returns(uint64)
func (subnet *Subnet) PackPARAMSDELAY() []byte {
	enc, err := subnet.abi.Pack("PARAMS_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPARAMSDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49a92f81.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PARAMS_DELAY() view returns(uint64)
func (subnet *Subnet) TryPackPARAMSDELAY() ([]byte, error) {
	return subnet.abi.Pack("PARAMS_DELAY")
}

// UnpackPARAMSDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x49a92f81.
//
// Solidity: function PARAMS_DELAY() view returns(uint64)
func (subnet *Subnet) UnpackPARAMSDELAY(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("PARAMS_DELAY", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackUNBONDINGWINDOWS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9aa2f397.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function UNBONDING_WINDOWS() view returns(uint64)
func (subnet *Subnet) PackUNBONDINGWINDOWS() []byte {
	enc, err := subnet.abi.Pack("UNBONDING_WINDOWS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUNBONDINGWINDOWS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9aa2f397.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function UNBONDING_WINDOWS() view returns(uint64)
func (subnet *Subnet) TryPackUNBONDINGWINDOWS() ([]byte, error) {
	return subnet.abi.Pack("UNBONDING_WINDOWS")
}

// UnpackUNBONDINGWINDOWS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9aa2f397.
//
// Solidity: function UNBONDING_WINDOWS() view returns(uint64)
func (subnet *Subnet) UnpackUNBONDINGWINDOWS(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("UNBONDING_WINDOWS", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (subnet *Subnet) PackBalanceOf(arg0 common.Address) []byte {
	enc, err := subnet.abi.Pack("balanceOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (subnet *Subnet) TryPackBalanceOf(arg0 common.Address) ([]byte, error) {
	return subnet.abi.Pack("balanceOf", arg0)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (subnet *Subnet) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBeaconChain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22c0350b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function beaconChain() view returns(bytes32)
func (subnet *Subnet) PackBeaconChain() []byte {
	enc, err := subnet.abi.Pack("beaconChain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBeaconChain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22c0350b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function beaconChain() view returns(bytes32)
func (subnet *Subnet) TryPackBeaconChain() ([]byte, error) {
	return subnet.abi.Pack("beaconChain")
}

// UnpackBeaconChain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x22c0350b.
//
// Solidity: function beaconChain() view returns(bytes32)
func (subnet *Subnet) UnpackBeaconChain(data []byte) ([32]byte, error) {
	out, err := subnet.abi.Unpack("beaconChain", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackBeaconKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x573465b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function beaconKey() view returns(bytes)
func (subnet *Subnet) PackBeaconKey() []byte {
	enc, err := subnet.abi.Pack("beaconKey")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBeaconKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x573465b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function beaconKey() view returns(bytes)
func (subnet *Subnet) TryPackBeaconKey() ([]byte, error) {
	return subnet.abi.Pack("beaconKey")
}

// UnpackBeaconKey is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x573465b3.
//
// Solidity: function beaconKey() view returns(bytes)
func (subnet *Subnet) UnpackBeaconKey(data []byte) ([]byte, error) {
	out, err := subnet.abi.Unpack("beaconKey", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackBeaconRandomness is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c377a07.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function beaconRandomness(uint64 round) view returns(bytes32)
func (subnet *Subnet) PackBeaconRandomness(round uint64) []byte {
	enc, err := subnet.abi.Pack("beaconRandomness", round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBeaconRandomness is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c377a07.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function beaconRandomness(uint64 round) view returns(bytes32)
func (subnet *Subnet) TryPackBeaconRandomness(round uint64) ([]byte, error) {
	return subnet.abi.Pack("beaconRandomness", round)
}

// UnpackBeaconRandomness is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0c377a07.
//
// Solidity: function beaconRandomness(uint64 round) view returns(bytes32)
func (subnet *Subnet) UnpackBeaconRandomness(data []byte) ([32]byte, error) {
	out, err := subnet.abi.Unpack("beaconRandomness", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e71d92d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim() returns()
func (subnet *Subnet) PackClaim() []byte {
	enc, err := subnet.abi.Pack("claim")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e71d92d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim() returns()
func (subnet *Subnet) TryPackClaim() ([]byte, error) {
	return subnet.abi.Pack("claim")
}

// PackCommit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x681e19b6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commit(uint64 window, bytes32 digest) returns()
func (subnet *Subnet) PackCommit(window uint64, digest [32]byte) []byte {
	enc, err := subnet.abi.Pack("commit", window, digest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x681e19b6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commit(uint64 window, bytes32 digest) returns()
func (subnet *Subnet) TryPackCommit(window uint64, digest [32]byte) ([]byte, error) {
	return subnet.abi.Pack("commit", window, digest)
}

// PackCommitmentOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb48f966.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitmentOf(address miner, uint64 window) view returns(bytes32)
func (subnet *Subnet) PackCommitmentOf(miner common.Address, window uint64) []byte {
	enc, err := subnet.abi.Pack("commitmentOf", miner, window)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitmentOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb48f966.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitmentOf(address miner, uint64 window) view returns(bytes32)
func (subnet *Subnet) TryPackCommitmentOf(miner common.Address, window uint64) ([]byte, error) {
	return subnet.abi.Pack("commitmentOf", miner, window)
}

// UnpackCommitmentOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbb48f966.
//
// Solidity: function commitmentOf(address miner, uint64 window) view returns(bytes32)
func (subnet *Subnet) UnpackCommitmentOf(data []byte) ([32]byte, error) {
	out, err := subnet.abi.Unpack("commitmentOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackConfigureSettlement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x399bccde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function configureSettlement(address verifier_, uint64 epochLength_, uint32 uids_, uint32 validators_, uint256 emission_, uint32 minerBps_) returns()
func (subnet *Subnet) PackConfigureSettlement(verifier common.Address, epochLength uint64, uids uint32, validators uint32, emission *big.Int, minerBps uint32) []byte {
	enc, err := subnet.abi.Pack("configureSettlement", verifier, epochLength, uids, validators, emission, minerBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackConfigureSettlement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x399bccde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function configureSettlement(address verifier_, uint64 epochLength_, uint32 uids_, uint32 validators_, uint256 emission_, uint32 minerBps_) returns()
func (subnet *Subnet) TryPackConfigureSettlement(verifier common.Address, epochLength uint64, uids uint32, validators uint32, emission *big.Int, minerBps uint32) ([]byte, error) {
	return subnet.abi.Pack("configureSettlement", verifier, epochLength, uids, validators, emission, minerBps)
}

// PackCurrentWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba0bafb4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentWindow() view returns(uint64)
func (subnet *Subnet) PackCurrentWindow() []byte {
	enc, err := subnet.abi.Pack("currentWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba0bafb4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentWindow() view returns(uint64)
func (subnet *Subnet) TryPackCurrentWindow() ([]byte, error) {
	return subnet.abi.Pack("currentWindow")
}

// UnpackCurrentWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xba0bafb4.
//
// Solidity: function currentWindow() view returns(uint64)
func (subnet *Subnet) UnpackCurrentWindow(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("currentWindow", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackEmissionPerEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6774d2f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function emissionPerEpoch() view returns(uint256)
func (subnet *Subnet) PackEmissionPerEpoch() []byte {
	enc, err := subnet.abi.Pack("emissionPerEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEmissionPerEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6774d2f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function emissionPerEpoch() view returns(uint256)
func (subnet *Subnet) TryPackEmissionPerEpoch() ([]byte, error) {
	return subnet.abi.Pack("emissionPerEpoch")
}

// UnpackEmissionPerEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6774d2f5.
//
// Solidity: function emissionPerEpoch() view returns(uint256)
func (subnet *Subnet) UnpackEmissionPerEpoch(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("emissionPerEpoch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEpochDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed74c185.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochDigest(uint64 epoch) view returns(uint256 h)
func (subnet *Subnet) PackEpochDigest(epoch uint64) []byte {
	enc, err := subnet.abi.Pack("epochDigest", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed74c185.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochDigest(uint64 epoch) view returns(uint256 h)
func (subnet *Subnet) TryPackEpochDigest(epoch uint64) ([]byte, error) {
	return subnet.abi.Pack("epochDigest", epoch)
}

// UnpackEpochDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xed74c185.
//
// Solidity: function epochDigest(uint64 epoch) view returns(uint256 h)
func (subnet *Subnet) UnpackEpochDigest(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("epochDigest", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEpochLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57d775f8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochLength() view returns(uint64)
func (subnet *Subnet) PackEpochLength() []byte {
	enc, err := subnet.abi.Pack("epochLength")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57d775f8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochLength() view returns(uint64)
func (subnet *Subnet) TryPackEpochLength() ([]byte, error) {
	return subnet.abi.Pack("epochLength")
}

// UnpackEpochLength is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x57d775f8.
//
// Solidity: function epochLength() view returns(uint64)
func (subnet *Subnet) UnpackEpochLength(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("epochLength", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb60d4288.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fund() payable returns()
func (subnet *Subnet) PackFund() []byte {
	enc, err := subnet.abi.Pack("fund")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb60d4288.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fund() payable returns()
func (subnet *Subnet) TryPackFund() ([]byte, error) {
	return subnet.abi.Pack("fund")
}

// PackGroupSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x63b635ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function groupSize() view returns(uint32)
func (subnet *Subnet) PackGroupSize() []byte {
	enc, err := subnet.abi.Pack("groupSize")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGroupSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x63b635ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function groupSize() view returns(uint32)
func (subnet *Subnet) TryPackGroupSize() ([]byte, error) {
	return subnet.abi.Pack("groupSize")
}

// UnpackGroupSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x63b635ea.
//
// Solidity: function groupSize() view returns(uint32)
func (subnet *Subnet) UnpackGroupSize(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("groupSize", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4f40c61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function k() view returns(uint32)
func (subnet *Subnet) PackK() []byte {
	enc, err := subnet.abi.Pack("k")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4f40c61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function k() view returns(uint32)
func (subnet *Subnet) TryPackK() ([]byte, error) {
	return subnet.abi.Pack("k")
}

// UnpackK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb4f40c61.
//
// Solidity: function k() view returns(uint32)
func (subnet *Subnet) UnpackK(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("k", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackLastPost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca20344f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastPost(address validator) view returns(uint64 window, bool posted, bytes32 hash)
func (subnet *Subnet) PackLastPost(validator common.Address) []byte {
	enc, err := subnet.abi.Pack("lastPost", validator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastPost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca20344f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastPost(address validator) view returns(uint64 window, bool posted, bytes32 hash)
func (subnet *Subnet) TryPackLastPost(validator common.Address) ([]byte, error) {
	return subnet.abi.Pack("lastPost", validator)
}

// LastPostOutput serves as a container for the return parameters of contract
// method LastPost.
type LastPostOutput struct {
	Window uint64
	Posted bool
	Hash   [32]byte
}

// UnpackLastPost is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xca20344f.
//
// Solidity: function lastPost(address validator) view returns(uint64 window, bool posted, bytes32 hash)
func (subnet *Subnet) UnpackLastPost(data []byte) (LastPostOutput, error) {
	out, err := subnet.abi.Unpack("lastPost", data)
	outstruct := new(LastPostOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Window = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Posted = *abi.ConvertType(out[1], new(bool)).(*bool)
	outstruct.Hash = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackMinerBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9434ca5d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minerBps() view returns(uint32)
func (subnet *Subnet) PackMinerBps() []byte {
	enc, err := subnet.abi.Pack("minerBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinerBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9434ca5d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minerBps() view returns(uint32)
func (subnet *Subnet) TryPackMinerBps() ([]byte, error) {
	return subnet.abi.Pack("minerBps")
}

// UnpackMinerBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9434ca5d.
//
// Solidity: function minerBps() view returns(uint32)
func (subnet *Subnet) UnpackMinerBps(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("minerBps", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackModelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43cdaad2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelId() view returns(bytes32)
func (subnet *Subnet) PackModelId() []byte {
	enc, err := subnet.abi.Pack("modelId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43cdaad2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelId() view returns(bytes32)
func (subnet *Subnet) TryPackModelId() ([]byte, error) {
	return subnet.abi.Pack("modelId")
}

// UnpackModelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x43cdaad2.
//
// Solidity: function modelId() view returns(bytes32)
func (subnet *Subnet) UnpackModelId(data []byte) ([32]byte, error) {
	out, err := subnet.abi.Unpack("modelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackModelUrlAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44dbf4ac.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelUrlAt(uint64 window) view returns(string)
func (subnet *Subnet) PackModelUrlAt(window uint64) []byte {
	enc, err := subnet.abi.Pack("modelUrlAt", window)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelUrlAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44dbf4ac.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelUrlAt(uint64 window) view returns(string)
func (subnet *Subnet) TryPackModelUrlAt(window uint64) ([]byte, error) {
	return subnet.abi.Pack("modelUrlAt", window)
}

// UnpackModelUrlAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x44dbf4ac.
//
// Solidity: function modelUrlAt(uint64 window) view returns(string)
func (subnet *Subnet) UnpackModelUrlAt(data []byte) (string, error) {
	out, err := subnet.abi.Unpack("modelUrlAt", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNeuron is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x785d281c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function neuron(uint32 uid) view returns(address account, string endpoint, bool validator)
func (subnet *Subnet) PackNeuron(uid uint32) []byte {
	enc, err := subnet.abi.Pack("neuron", uid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNeuron is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x785d281c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function neuron(uint32 uid) view returns(address account, string endpoint, bool validator)
func (subnet *Subnet) TryPackNeuron(uid uint32) ([]byte, error) {
	return subnet.abi.Pack("neuron", uid)
}

// NeuronOutput serves as a container for the return parameters of contract
// method Neuron.
type NeuronOutput struct {
	Account   common.Address
	Endpoint  string
	Validator bool
}

// UnpackNeuron is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x785d281c.
//
// Solidity: function neuron(uint32 uid) view returns(address account, string endpoint, bool validator)
func (subnet *Subnet) UnpackNeuron(data []byte) (NeuronOutput, error) {
	out, err := subnet.abi.Unpack("neuron", data)
	outstruct := new(NeuronOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Account = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Endpoint = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Validator = *abi.ConvertType(out[2], new(bool)).(*bool)
	return *outstruct, nil
}

// PackNeuronCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd746b64.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function neuronCount() view returns(uint256)
func (subnet *Subnet) PackNeuronCount() []byte {
	enc, err := subnet.abi.Pack("neuronCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNeuronCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd746b64.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function neuronCount() view returns(uint256)
func (subnet *Subnet) TryPackNeuronCount() ([]byte, error) {
	return subnet.abi.Pack("neuronCount")
}

// UnpackNeuronCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfd746b64.
//
// Solidity: function neuronCount() view returns(uint256)
func (subnet *Subnet) UnpackNeuronCount(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("neuronCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (subnet *Subnet) PackOwner() []byte {
	enc, err := subnet.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (subnet *Subnet) TryPackOwner() ([]byte, error) {
	return subnet.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (subnet *Subnet) UnpackOwner(data []byte) (common.Address, error) {
	out, err := subnet.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackParamsAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa753eeeb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paramsAt(uint64 window) view returns(bytes32 modelId_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, uint64 staleWindows_, uint64 fromWindow)
func (subnet *Subnet) PackParamsAt(window uint64) []byte {
	enc, err := subnet.abi.Pack("paramsAt", window)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackParamsAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa753eeeb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paramsAt(uint64 window) view returns(bytes32 modelId_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, uint64 staleWindows_, uint64 fromWindow)
func (subnet *Subnet) TryPackParamsAt(window uint64) ([]byte, error) {
	return subnet.abi.Pack("paramsAt", window)
}

// ParamsAtOutput serves as a container for the return parameters of contract
// method ParamsAt.
type ParamsAtOutput struct {
	ModelId      [32]byte
	GroupSize    uint32
	K            uint32
	SampleNum    uint32
	SampleDen    uint32
	StaleWindows uint64
	FromWindow   uint64
}

// UnpackParamsAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa753eeeb.
//
// Solidity: function paramsAt(uint64 window) view returns(bytes32 modelId_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, uint64 staleWindows_, uint64 fromWindow)
func (subnet *Subnet) UnpackParamsAt(data []byte) (ParamsAtOutput, error) {
	out, err := subnet.abi.Unpack("paramsAt", data)
	outstruct := new(ParamsAtOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ModelId = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.GroupSize = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.K = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.SampleNum = *abi.ConvertType(out[3], new(uint32)).(*uint32)
	outstruct.SampleDen = *abi.ConvertType(out[4], new(uint32)).(*uint32)
	outstruct.StaleWindows = *abi.ConvertType(out[5], new(uint64)).(*uint64)
	outstruct.FromWindow = *abi.ConvertType(out[6], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16f0115b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pool() view returns(uint256)
func (subnet *Subnet) PackPool() []byte {
	enc, err := subnet.abi.Pack("pool")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16f0115b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pool() view returns(uint256)
func (subnet *Subnet) TryPackPool() ([]byte, error) {
	return subnet.abi.Pack("pool")
}

// UnpackPool is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x16f0115b.
//
// Solidity: function pool() view returns(uint256)
func (subnet *Subnet) UnpackPool(data []byte) (*big.Int, error) {
	out, err := subnet.abi.Unpack("pool", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f294da6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(string endpoint, bool asValidator) returns(uint32 uid)
func (subnet *Subnet) PackRegister(endpoint string, asValidator bool) []byte {
	enc, err := subnet.abi.Pack("register", endpoint, asValidator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f294da6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(string endpoint, bool asValidator) returns(uint32 uid)
func (subnet *Subnet) TryPackRegister(endpoint string, asValidator bool) ([]byte, error) {
	return subnet.abi.Pack("register", endpoint, asValidator)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f294da6.
//
// Solidity: function register(string endpoint, bool asValidator) returns(uint32 uid)
func (subnet *Subnet) UnpackRegister(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("register", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackSampleDen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f0e2701.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sampleDen() view returns(uint32)
func (subnet *Subnet) PackSampleDen() []byte {
	enc, err := subnet.abi.Pack("sampleDen")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSampleDen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f0e2701.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sampleDen() view returns(uint32)
func (subnet *Subnet) TryPackSampleDen() ([]byte, error) {
	return subnet.abi.Pack("sampleDen")
}

// UnpackSampleDen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6f0e2701.
//
// Solidity: function sampleDen() view returns(uint32)
func (subnet *Subnet) UnpackSampleDen(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("sampleDen", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackSampleNum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b2358a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sampleNum() view returns(uint32)
func (subnet *Subnet) PackSampleNum() []byte {
	enc, err := subnet.abi.Pack("sampleNum")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSampleNum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b2358a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sampleNum() view returns(uint32)
func (subnet *Subnet) TryPackSampleNum() ([]byte, error) {
	return subnet.abi.Pack("sampleNum")
}

// UnpackSampleNum is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4b2358a4.
//
// Solidity: function sampleNum() view returns(uint32)
func (subnet *Subnet) UnpackSampleNum(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("sampleNum", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackSetBeaconKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9b7a282.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBeaconKey(bytes key) returns()
func (subnet *Subnet) PackSetBeaconKey(key []byte) []byte {
	enc, err := subnet.abi.Pack("setBeaconKey", key)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetBeaconKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9b7a282.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setBeaconKey(bytes key) returns()
func (subnet *Subnet) TryPackSetBeaconKey(key []byte) ([]byte, error) {
	return subnet.abi.Pack("setBeaconKey", key)
}

// PackSetModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9659c11.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setModel(bytes32 modelId_, string url) returns(uint64 fromWindow)
func (subnet *Subnet) PackSetModel(modelId [32]byte, url string) []byte {
	enc, err := subnet.abi.Pack("setModel", modelId, url)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9659c11.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setModel(bytes32 modelId_, string url) returns(uint64 fromWindow)
func (subnet *Subnet) TryPackSetModel(modelId [32]byte, url string) ([]byte, error) {
	return subnet.abi.Pack("setModel", modelId, url)
}

// UnpackSetModel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc9659c11.
//
// Solidity: function setModel(bytes32 modelId_, string url) returns(uint64 fromWindow)
func (subnet *Subnet) UnpackSetModel(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("setModel", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSetParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x11627f7e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) returns(uint64 fromWindow)
func (subnet *Subnet) PackSetParams(modelId [32]byte, windowLength uint64, groupSize uint32, k uint32, sampleNum uint32, sampleDen uint32, beaconChain [32]byte, staleWindows uint64) []byte {
	enc, err := subnet.abi.Pack("setParams", modelId, windowLength, groupSize, k, sampleNum, sampleDen, beaconChain, staleWindows)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x11627f7e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) returns(uint64 fromWindow)
func (subnet *Subnet) TryPackSetParams(modelId [32]byte, windowLength uint64, groupSize uint32, k uint32, sampleNum uint32, sampleDen uint32, beaconChain [32]byte, staleWindows uint64) ([]byte, error) {
	return subnet.abi.Pack("setParams", modelId, windowLength, groupSize, k, sampleNum, sampleDen, beaconChain, staleWindows)
}

// UnpackSetParams is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x11627f7e.
//
// Solidity: function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) returns(uint64 fromWindow)
func (subnet *Subnet) UnpackSetParams(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("setParams", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSetWeights is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbf1567d9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setWeights(uint64 window, uint32[] uids, uint16[] weights) returns()
func (subnet *Subnet) PackSetWeights(window uint64, uids []uint32, weights []uint16) []byte {
	enc, err := subnet.abi.Pack("setWeights", window, uids, weights)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetWeights is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbf1567d9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setWeights(uint64 window, uint32[] uids, uint16[] weights) returns()
func (subnet *Subnet) TryPackSetWeights(window uint64, uids []uint32, weights []uint16) ([]byte, error) {
	return subnet.abi.Pack("setWeights", window, uids, weights)
}

// PackSettle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04781d21.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settle(uint64 epoch, uint256[8] proof, uint256[] payouts) returns()
func (subnet *Subnet) PackSettle(epoch uint64, proof [8]*big.Int, payouts []*big.Int) []byte {
	enc, err := subnet.abi.Pack("settle", epoch, proof, payouts)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04781d21.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settle(uint64 epoch, uint256[8] proof, uint256[] payouts) returns()
func (subnet *Subnet) TryPackSettle(epoch uint64, proof [8]*big.Int, payouts []*big.Int) ([]byte, error) {
	return subnet.abi.Pack("settle", epoch, proof, payouts)
}

// PackSettleFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac03f489.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settleFrom() view returns(uint64)
func (subnet *Subnet) PackSettleFrom() []byte {
	enc, err := subnet.abi.Pack("settleFrom")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettleFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac03f489.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settleFrom() view returns(uint64)
func (subnet *Subnet) TryPackSettleFrom() ([]byte, error) {
	return subnet.abi.Pack("settleFrom")
}

// UnpackSettleFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xac03f489.
//
// Solidity: function settleFrom() view returns(uint64)
func (subnet *Subnet) UnpackSettleFrom(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("settleFrom", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSettleUids is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0013542.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settleUids() view returns(uint32)
func (subnet *Subnet) PackSettleUids() []byte {
	enc, err := subnet.abi.Pack("settleUids")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettleUids is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0013542.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settleUids() view returns(uint32)
func (subnet *Subnet) TryPackSettleUids() ([]byte, error) {
	return subnet.abi.Pack("settleUids")
}

// UnpackSettleUids is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe0013542.
//
// Solidity: function settleUids() view returns(uint32)
func (subnet *Subnet) UnpackSettleUids(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("settleUids", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackSettleValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa37e5eaa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settleValidators() view returns(uint32)
func (subnet *Subnet) PackSettleValidators() []byte {
	enc, err := subnet.abi.Pack("settleValidators")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettleValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa37e5eaa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settleValidators() view returns(uint32)
func (subnet *Subnet) TryPackSettleValidators() ([]byte, error) {
	return subnet.abi.Pack("settleValidators")
}

// UnpackSettleValidators is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa37e5eaa.
//
// Solidity: function settleValidators() view returns(uint32)
func (subnet *Subnet) UnpackSettleValidators(data []byte) (uint32, error) {
	out, err := subnet.abi.Unpack("settleValidators", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackSettled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17691a22.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settled(uint64 ) view returns(bool)
func (subnet *Subnet) PackSettled(arg0 uint64) []byte {
	enc, err := subnet.abi.Pack("settled", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17691a22.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settled(uint64 ) view returns(bool)
func (subnet *Subnet) TryPackSettled(arg0 uint64) ([]byte, error) {
	return subnet.abi.Pack("settled", arg0)
}

// UnpackSettled is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x17691a22.
//
// Solidity: function settled(uint64 ) view returns(bool)
func (subnet *Subnet) UnpackSettled(data []byte) (bool, error) {
	out, err := subnet.abi.Unpack("settled", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a4b66f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stake() payable returns()
func (subnet *Subnet) PackStake() []byte {
	enc, err := subnet.abi.Pack("stake")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a4b66f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stake() payable returns()
func (subnet *Subnet) TryPackStake() ([]byte, error) {
	return subnet.abi.Pack("stake")
}

// PackStakeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42623360.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stakeOf(address account) view returns(uint256 bonded, uint256 unbonding, uint64 releaseWindow)
func (subnet *Subnet) PackStakeOf(account common.Address) []byte {
	enc, err := subnet.abi.Pack("stakeOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStakeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42623360.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stakeOf(address account) view returns(uint256 bonded, uint256 unbonding, uint64 releaseWindow)
func (subnet *Subnet) TryPackStakeOf(account common.Address) ([]byte, error) {
	return subnet.abi.Pack("stakeOf", account)
}

// StakeOfOutput serves as a container for the return parameters of contract
// method StakeOf.
type StakeOfOutput struct {
	Bonded        *big.Int
	Unbonding     *big.Int
	ReleaseWindow uint64
}

// UnpackStakeOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42623360.
//
// Solidity: function stakeOf(address account) view returns(uint256 bonded, uint256 unbonding, uint64 releaseWindow)
func (subnet *Subnet) UnpackStakeOf(data []byte) (StakeOfOutput, error) {
	out, err := subnet.abi.Unpack("stakeOf", data)
	outstruct := new(StakeOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Bonded = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Unbonding = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.ReleaseWindow = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackStaleWindows is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8cf155d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function staleWindows() view returns(uint64)
func (subnet *Subnet) PackStaleWindows() []byte {
	enc, err := subnet.abi.Pack("staleWindows")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStaleWindows is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8cf155d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function staleWindows() view returns(uint64)
func (subnet *Subnet) TryPackStaleWindows() ([]byte, error) {
	return subnet.abi.Pack("staleWindows")
}

// UnpackStaleWindows is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8cf155d2.
//
// Solidity: function staleWindows() view returns(uint64)
func (subnet *Subnet) UnpackStaleWindows(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("staleWindows", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSubmitBeacon is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x036866e6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitBeacon(uint64 round, bytes sig) returns(bytes32 randomness)
func (subnet *Subnet) PackSubmitBeacon(round uint64, sig []byte) []byte {
	enc, err := subnet.abi.Pack("submitBeacon", round, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitBeacon is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x036866e6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitBeacon(uint64 round, bytes sig) returns(bytes32 randomness)
func (subnet *Subnet) TryPackSubmitBeacon(round uint64, sig []byte) ([]byte, error) {
	return subnet.abi.Pack("submitBeacon", round, sig)
}

// UnpackSubmitBeacon is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x036866e6.
//
// Solidity: function submitBeacon(uint64 round, bytes sig) returns(bytes32 randomness)
func (subnet *Subnet) UnpackSubmitBeacon(data []byte) ([32]byte, error) {
	out, err := subnet.abi.Unpack("submitBeacon", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackUidOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0b688f40.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function uidOf(address account) view returns(uint32 uid, bool registered)
func (subnet *Subnet) PackUidOf(account common.Address) []byte {
	enc, err := subnet.abi.Pack("uidOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUidOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0b688f40.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function uidOf(address account) view returns(uint32 uid, bool registered)
func (subnet *Subnet) TryPackUidOf(account common.Address) ([]byte, error) {
	return subnet.abi.Pack("uidOf", account)
}

// UidOfOutput serves as a container for the return parameters of contract
// method UidOf.
type UidOfOutput struct {
	Uid        uint32
	Registered bool
}

// UnpackUidOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0b688f40.
//
// Solidity: function uidOf(address account) view returns(uint32 uid, bool registered)
func (subnet *Subnet) UnpackUidOf(data []byte) (UidOfOutput, error) {
	out, err := subnet.abi.Unpack("uidOf", data)
	outstruct := new(UidOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Uid = *abi.ConvertType(out[0], new(uint32)).(*uint32)
	outstruct.Registered = *abi.ConvertType(out[1], new(bool)).(*bool)
	return *outstruct, nil
}

// PackUnstake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e17de78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unstake(uint256 amount) returns()
func (subnet *Subnet) PackUnstake(amount *big.Int) []byte {
	enc, err := subnet.abi.Pack("unstake", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnstake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e17de78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unstake(uint256 amount) returns()
func (subnet *Subnet) TryPackUnstake(amount *big.Int) ([]byte, error) {
	return subnet.abi.Pack("unstake", amount)
}

// PackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifier() view returns(address)
func (subnet *Subnet) PackVerifier() []byte {
	enc, err := subnet.abi.Pack("verifier")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifier() view returns(address)
func (subnet *Subnet) TryPackVerifier() ([]byte, error) {
	return subnet.abi.Pack("verifier")
}

// UnpackVerifier is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b7ac3f3.
//
// Solidity: function verifier() view returns(address)
func (subnet *Subnet) UnpackVerifier(data []byte) (common.Address, error) {
	out, err := subnet.abi.Unpack("verifier", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackWeightsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f7e2867.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function weightsOf(address validator) view returns(uint64 window, uint16[] weights)
func (subnet *Subnet) PackWeightsOf(validator common.Address) []byte {
	enc, err := subnet.abi.Pack("weightsOf", validator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWeightsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f7e2867.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function weightsOf(address validator) view returns(uint64 window, uint16[] weights)
func (subnet *Subnet) TryPackWeightsOf(validator common.Address) ([]byte, error) {
	return subnet.abi.Pack("weightsOf", validator)
}

// WeightsOfOutput serves as a container for the return parameters of contract
// method WeightsOf.
type WeightsOfOutput struct {
	Window  uint64
	Weights []uint16
}

// UnpackWeightsOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f7e2867.
//
// Solidity: function weightsOf(address validator) view returns(uint64 window, uint16[] weights)
func (subnet *Subnet) UnpackWeightsOf(data []byte) (WeightsOfOutput, error) {
	out, err := subnet.abi.Unpack("weightsOf", data)
	outstruct := new(WeightsOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Window = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Weights = *abi.ConvertType(out[1], new([]uint16)).(*[]uint16)
	return *outstruct, nil
}

// PackWindowLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c70b205.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function windowLength() view returns(uint64)
func (subnet *Subnet) PackWindowLength() []byte {
	enc, err := subnet.abi.Pack("windowLength")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWindowLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c70b205.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function windowLength() view returns(uint64)
func (subnet *Subnet) TryPackWindowLength() ([]byte, error) {
	return subnet.abi.Pack("windowLength")
}

// UnpackWindowLength is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7c70b205.
//
// Solidity: function windowLength() view returns(uint64)
func (subnet *Subnet) UnpackWindowLength(data []byte) (uint64, error) {
	out, err := subnet.abi.Unpack("windowLength", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackWindowPostState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5daff8c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function windowPostState(uint64 window) view returns(uint256 state, uint32 posts)
func (subnet *Subnet) PackWindowPostState(window uint64) []byte {
	enc, err := subnet.abi.Pack("windowPostState", window)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWindowPostState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5daff8c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function windowPostState(uint64 window) view returns(uint256 state, uint32 posts)
func (subnet *Subnet) TryPackWindowPostState(window uint64) ([]byte, error) {
	return subnet.abi.Pack("windowPostState", window)
}

// WindowPostStateOutput serves as a container for the return parameters of contract
// method WindowPostState.
type WindowPostStateOutput struct {
	State *big.Int
	Posts uint32
}

// UnpackWindowPostState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5daff8c5.
//
// Solidity: function windowPostState(uint64 window) view returns(uint256 state, uint32 posts)
func (subnet *Subnet) UnpackWindowPostState(data []byte) (WindowPostStateOutput, error) {
	out, err := subnet.abi.Unpack("windowPostState", data)
	outstruct := new(WindowPostStateOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.State = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Posts = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (subnet *Subnet) PackWithdraw() []byte {
	enc, err := subnet.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (subnet *Subnet) TryPackWithdraw() ([]byte, error) {
	return subnet.abi.Pack("withdraw")
}

// SubnetBeaconKeySet represents a BeaconKeySet event raised by the Subnet contract.
type SubnetBeaconKeySet struct {
	Key []byte
	Raw *types.Log // Blockchain specific contextual infos
}

const SubnetBeaconKeySetEventName = "BeaconKeySet"

// ContractEventName returns the user-defined event name.
func (SubnetBeaconKeySet) ContractEventName() string {
	return SubnetBeaconKeySetEventName
}

// UnpackBeaconKeySetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BeaconKeySet(bytes key)
func (subnet *Subnet) UnpackBeaconKeySetEvent(log *types.Log) (*SubnetBeaconKeySet, error) {
	event := "BeaconKeySet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetBeaconKeySet)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetBeaconStored represents a BeaconStored event raised by the Subnet contract.
type SubnetBeaconStored struct {
	Round      uint64
	Randomness [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const SubnetBeaconStoredEventName = "BeaconStored"

// ContractEventName returns the user-defined event name.
func (SubnetBeaconStored) ContractEventName() string {
	return SubnetBeaconStoredEventName
}

// UnpackBeaconStoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BeaconStored(uint64 indexed round, bytes32 randomness)
func (subnet *Subnet) UnpackBeaconStoredEvent(log *types.Log) (*SubnetBeaconStored, error) {
	event := "BeaconStored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetBeaconStored)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetClaimed represents a Claimed event raised by the Subnet contract.
type SubnetClaimed struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const SubnetClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (SubnetClaimed) ContractEventName() string {
	return SubnetClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(address indexed account, uint256 amount)
func (subnet *Subnet) UnpackClaimedEvent(log *types.Log) (*SubnetClaimed, error) {
	event := "Claimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetClaimed)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetCommitted represents a Committed event raised by the Subnet contract.
type SubnetCommitted struct {
	Miner  common.Address
	Window uint64
	Digest [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const SubnetCommittedEventName = "Committed"

// ContractEventName returns the user-defined event name.
func (SubnetCommitted) ContractEventName() string {
	return SubnetCommittedEventName
}

// UnpackCommittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Committed(address indexed miner, uint64 indexed window, bytes32 digest)
func (subnet *Subnet) UnpackCommittedEvent(log *types.Log) (*SubnetCommitted, error) {
	event := "Committed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetCommitted)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetCredited represents a Credited event raised by the Subnet contract.
type SubnetCredited struct {
	Epoch   uint64
	Uid     uint32
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const SubnetCreditedEventName = "Credited"

// ContractEventName returns the user-defined event name.
func (SubnetCredited) ContractEventName() string {
	return SubnetCreditedEventName
}

// UnpackCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Credited(uint64 indexed epoch, uint32 indexed uid, address indexed account, uint256 amount)
func (subnet *Subnet) UnpackCreditedEvent(log *types.Log) (*SubnetCredited, error) {
	event := "Credited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetCredited)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetFunded represents a Funded event raised by the Subnet contract.
type SubnetFunded struct {
	From   common.Address
	Amount *big.Int
	Pool   *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const SubnetFundedEventName = "Funded"

// ContractEventName returns the user-defined event name.
func (SubnetFunded) ContractEventName() string {
	return SubnetFundedEventName
}

// UnpackFundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Funded(address indexed from, uint256 amount, uint256 pool)
func (subnet *Subnet) UnpackFundedEvent(log *types.Log) (*SubnetFunded, error) {
	event := "Funded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetFunded)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetModelAnnounced represents a ModelAnnounced event raised by the Subnet contract.
type SubnetModelAnnounced struct {
	FromWindow uint64
	ModelId    [32]byte
	Url        string
	Raw        *types.Log // Blockchain specific contextual infos
}

const SubnetModelAnnouncedEventName = "ModelAnnounced"

// ContractEventName returns the user-defined event name.
func (SubnetModelAnnounced) ContractEventName() string {
	return SubnetModelAnnouncedEventName
}

// UnpackModelAnnouncedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelAnnounced(uint64 indexed fromWindow, bytes32 indexed modelId, string url)
func (subnet *Subnet) UnpackModelAnnouncedEvent(log *types.Log) (*SubnetModelAnnounced, error) {
	event := "ModelAnnounced"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetModelAnnounced)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetParamsSet represents a ParamsSet event raised by the Subnet contract.
type SubnetParamsSet struct {
	FromWindow   uint64
	ModelId      [32]byte
	WindowLength uint64
	GroupSize    uint32
	K            uint32
	SampleNum    uint32
	SampleDen    uint32
	BeaconChain  [32]byte
	StaleWindows uint64
	Raw          *types.Log // Blockchain specific contextual infos
}

const SubnetParamsSetEventName = "ParamsSet"

// ContractEventName returns the user-defined event name.
func (SubnetParamsSet) ContractEventName() string {
	return SubnetParamsSetEventName
}

// UnpackParamsSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ParamsSet(uint64 fromWindow, bytes32 modelId, uint64 windowLength, uint32 groupSize, uint32 k, uint32 sampleNum, uint32 sampleDen, bytes32 beaconChain, uint64 staleWindows)
func (subnet *Subnet) UnpackParamsSetEvent(log *types.Log) (*SubnetParamsSet, error) {
	event := "ParamsSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetParamsSet)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetPostHashed represents a PostHashed event raised by the Subnet contract.
type SubnetPostHashed struct {
	Window uint64
	Uid    uint32
	Stake  *big.Int
	State  *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const SubnetPostHashedEventName = "PostHashed"

// ContractEventName returns the user-defined event name.
func (SubnetPostHashed) ContractEventName() string {
	return SubnetPostHashedEventName
}

// UnpackPostHashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PostHashed(uint64 indexed window, uint32 indexed uid, uint256 stake, uint256 state)
func (subnet *Subnet) UnpackPostHashedEvent(log *types.Log) (*SubnetPostHashed, error) {
	event := "PostHashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetPostHashed)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetRegistered represents a Registered event raised by the Subnet contract.
type SubnetRegistered struct {
	Uid       uint32
	Account   common.Address
	Endpoint  string
	Validator bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const SubnetRegisteredEventName = "Registered"

// ContractEventName returns the user-defined event name.
func (SubnetRegistered) ContractEventName() string {
	return SubnetRegisteredEventName
}

// UnpackRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Registered(uint32 indexed uid, address indexed account, string endpoint, bool validator)
func (subnet *Subnet) UnpackRegisteredEvent(log *types.Log) (*SubnetRegistered, error) {
	event := "Registered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetRegistered)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetSettled represents a Settled event raised by the Subnet contract.
type SubnetSettled struct {
	Epoch    uint64
	Digest   *big.Int
	Credited *big.Int
	Carried  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const SubnetSettledEventName = "Settled"

// ContractEventName returns the user-defined event name.
func (SubnetSettled) ContractEventName() string {
	return SubnetSettledEventName
}

// UnpackSettledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Settled(uint64 indexed epoch, uint256 digest, uint256 credited, uint256 carried)
func (subnet *Subnet) UnpackSettledEvent(log *types.Log) (*SubnetSettled, error) {
	event := "Settled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetSettled)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetSettlementConfigured represents a SettlementConfigured event raised by the Subnet contract.
type SubnetSettlementConfigured struct {
	Verifier         common.Address
	EpochLength      uint64
	Uids             uint32
	Validators       uint32
	EmissionPerEpoch *big.Int
	MinerBps         uint32
	FromEpoch        uint64
	Raw              *types.Log // Blockchain specific contextual infos
}

const SubnetSettlementConfiguredEventName = "SettlementConfigured"

// ContractEventName returns the user-defined event name.
func (SubnetSettlementConfigured) ContractEventName() string {
	return SubnetSettlementConfiguredEventName
}

// UnpackSettlementConfiguredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SettlementConfigured(address verifier, uint64 epochLength, uint32 uids, uint32 validators, uint256 emissionPerEpoch, uint32 minerBps, uint64 fromEpoch)
func (subnet *Subnet) UnpackSettlementConfiguredEvent(log *types.Log) (*SubnetSettlementConfigured, error) {
	event := "SettlementConfigured"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetSettlementConfigured)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetStaked represents a Staked event raised by the Subnet contract.
type SubnetStaked struct {
	Account common.Address
	Amount  *big.Int
	Bonded  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const SubnetStakedEventName = "Staked"

// ContractEventName returns the user-defined event name.
func (SubnetStaked) ContractEventName() string {
	return SubnetStakedEventName
}

// UnpackStakedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Staked(address indexed account, uint256 amount, uint256 bonded)
func (subnet *Subnet) UnpackStakedEvent(log *types.Log) (*SubnetStaked, error) {
	event := "Staked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetStaked)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetUnstaked represents a Unstaked event raised by the Subnet contract.
type SubnetUnstaked struct {
	Account       common.Address
	Amount        *big.Int
	Bonded        *big.Int
	ReleaseWindow uint64
	Raw           *types.Log // Blockchain specific contextual infos
}

const SubnetUnstakedEventName = "Unstaked"

// ContractEventName returns the user-defined event name.
func (SubnetUnstaked) ContractEventName() string {
	return SubnetUnstakedEventName
}

// UnpackUnstakedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unstaked(address indexed account, uint256 amount, uint256 bonded, uint64 releaseWindow)
func (subnet *Subnet) UnpackUnstakedEvent(log *types.Log) (*SubnetUnstaked, error) {
	event := "Unstaked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetUnstaked)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetWeightsSet represents a WeightsSet event raised by the Subnet contract.
type SubnetWeightsSet struct {
	Validator common.Address
	Window    uint64
	Uids      []uint32
	Weights   []uint16
	Raw       *types.Log // Blockchain specific contextual infos
}

const SubnetWeightsSetEventName = "WeightsSet"

// ContractEventName returns the user-defined event name.
func (SubnetWeightsSet) ContractEventName() string {
	return SubnetWeightsSetEventName
}

// UnpackWeightsSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WeightsSet(address indexed validator, uint64 indexed window, uint32[] uids, uint16[] weights)
func (subnet *Subnet) UnpackWeightsSetEvent(log *types.Log) (*SubnetWeightsSet, error) {
	event := "WeightsSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetWeightsSet)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SubnetWithdrawn represents a Withdrawn event raised by the Subnet contract.
type SubnetWithdrawn struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const SubnetWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (SubnetWithdrawn) ContractEventName() string {
	return SubnetWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed account, uint256 amount)
func (subnet *Subnet) UnpackWithdrawnEvent(log *types.Log) (*SubnetWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != subnet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SubnetWithdrawn)
	if len(log.Data) > 0 {
		if err := subnet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range subnet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}
