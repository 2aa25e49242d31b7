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
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"miner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"Committed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"windowLength\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"groupSize\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"k\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleNum\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleDen\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"beaconChain\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"staleWindows\",\"type\":\"uint64\"}],\"name\":\"ParamsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"indexed\":false,\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"WeightsSet\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"PARAMS_DELAY\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"beaconChain\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"commit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"miner\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"commitmentOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"groupSize\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"k\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"lastPost\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"posted\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"name\":\"neuron\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"neuronCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"paramsAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"asValidator\",\"type\":\"bool\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleDen\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleNum\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"name\":\"setParams\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"setWeights\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"staleWindows\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"uidOf\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"registered\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"weightsOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"windowLength\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Subnet",
	Bin: "0x60c060405234801561000f575f5ffd5b506040516125e53803806125e583398101604081905261002e9161039d565b5f876001600160401b03161161009a5760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a2077696e646f77206c656e677468206d75737420626520706f60448201526573697469766560d01b60648201526084015b60405180910390fd5b5f80546001600160a01b031916331790556001600160401b03871660805260a08290526100cb888787878786610205565b8051600155602080820151600280546040808601516060808801516080808a015160a09a8b01516001600160401b03908116600160801b02600160801b600160c01b031963ffffffff9384166c010000000000000000000000000263ffffffff60601b19968516680100000000000000000296909616600160401b600160801b0319988516640100000000026001600160401b0319909b169c85169c909c1799909917969096169990991792909217959095169290921790945581515f81529586018f90528d8516868301528c8116938601939093528a83169185019190915288821694840194909452861660c083015260e08201859052831661010082015290517fa0d7cf426361b2d6bd7531413ba37fbf93557b7185572f6259609b8265b29db3918190036101200190a15050505050505050610422565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a08101919091525f8663ffffffff1611801561025057505f8563ffffffff16115b6102ae5760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b6064820152608401610091565b5f8363ffffffff161180156102cf57508263ffffffff168463ffffffff1611155b6103295760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b6064820152608401610091565b506040805160c08101825296875263ffffffff958616602088015293851693860193909352908316606085015290911660808301526001600160401b031660a082015290565b80516001600160401b0381168114610385575f5ffd5b919050565b805163ffffffff81168114610385575f5ffd5b5f5f5f5f5f5f5f5f610100898b0312156103b5575f5ffd5b885197506103c560208a0161036f565b96506103d360408a0161038a565b95506103e160608a0161038a565b94506103ef60808a0161038a565b93506103fd60a08a0161038a565b60c08a0151909350915061041360e08a0161036f565b90509295985092959890939650565b60805160a05161218d6104585f395f81816101a5015261052901525f818161024e0152818161048f01526110a2015261218d5ff3fe608060405234801561000f575f5ffd5b506004361061013d575f3560e01c80638cf155d2116100b4578063b4f40c6111610079578063b4f40c6114610335578063ba0bafb41461033d578063bb48f96614610345578063bf1567d914610358578063ca20344f1461036b578063fd746b64146103d5575f5ffd5b80638cf155d2146102705780638da5cb5b146102785780638f294da6146102a25780638f7e2867146102b5578063a753eeeb146102d6575f5ffd5b80634b2358a4116101055780634b2358a4146101e557806363b635ea14610202578063681e19b61461020a5780636f0e27011461021f578063785d281c146102275780637c70b20514610249575f5ffd5b80630b688f401461014157806311627f7e1461017557806322c0350b146101a057806343cdaad2146101d557806349a92f81146101dd575b5f5ffd5b61015461014f366004611934565b6103dd565b6040805163ffffffff90931683529015156020830152015b60405180910390f35b61018861018336600461197d565b61041f565b6040516001600160401b03909116815260200161016c565b6101c77f000000000000000000000000000000000000000000000000000000000000000081565b60405190815260200161016c565b6101c7610846565b610188600281565b6101ed610855565b60405163ffffffff909116815260200161016c565b6101ed610874565b61021d610218366004611a01565b61088c565b005b6101ed610af9565b61023a610235366004611a29565b610b18565b60405161016c93929190611a42565b6101887f000000000000000000000000000000000000000000000000000000000000000081565b610188610c4e565b5f5461028a906001600160a01b031681565b6040516001600160a01b03909116815260200161016c565b6101ed6102b0366004611a8f565b610c70565b6102c86102c3366004611934565b610ea4565b60405161016c929190611b10565b6102e96102e4366004611b6a565b610f51565b6040805197885263ffffffff968716602089015294861694870194909452918416606086015290921660808401526001600160401b0391821660a08401521660c082015260e00161016c565b6101ed611074565b610188611094565b6101c7610353366004611b83565b6110cd565b61021d610366366004611bfb565b611122565b6103b0610379366004611934565b6001600160a01b03165f90815260096020526040902080546001909101546001600160401b03821692600160401b90920460ff1691565b604080516001600160401b03909416845291151560208401529082015260600161016c565b6007546101c7565b6001600160a01b0381165f90815260086020526040812054819080820361040957505f93849350915050565b610414600182611c8d565b946001945092505050565b5f80546001600160a01b0316331461048d5760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a206f6e6c7920746865206f776e6572207365747320706172616044820152656d657465727360d01b60648201526084015b60405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316886001600160401b0316146105275760405162461bcd60e51b815260206004820152603060248201527f5375626e65743a207468652077696e646f77206c656e6774682069732066697860448201526f195908185d0819195c1b1bde5b595b9d60821b6064820152608401610484565b7f000000000000000000000000000000000000000000000000000000000000000083146105ae5760405162461bcd60e51b815260206004820152602f60248201527f5375626e65743a2074686520626561636f6e20636861696e206973206669786560448201526e1908185d0819195c1b1bde5b595b9d608a1b6064820152608401610484565b5f6105b7611094565b6006549091506001600160401b0316156106e0576006546001600160401b0390811690821610156106425760405162461bcd60e51b815260206004820152602f60248201527f5375626e65743a206120706172616d65746572206368616e676520697320616c60448201526e1c9958591e481cd8da19591d5b1959608a1b6064820152608401610484565b6004546001556005546002805463ffffffff80841667ffffffffffffffff19928316176401000000008086048316021767ffffffffffffffff60401b1916600160401b80860483160263ffffffff60601b191617600160601b808604929092169091021767ffffffffffffffff60801b1916600160801b938490046001600160401b0390811690940217909155600654600380549190931691161790555b6106ee8a8989898988611768565b805160045560208101516005805460408401516060850151608086015160a0909601516001600160401b0316600160801b0267ffffffffffffffff60801b1963ffffffff978816600160601b0263ffffffff60601b19938916600160401b029390931667ffffffffffffffff60401b199489166401000000000267ffffffffffffffff199096169890971697909717939093179190911693909317929092179290921617905561079f600282611ca0565b6006805467ffffffffffffffff19166001600160401b0383811691821790925560408051918252602082018e90528c83169082015263ffffffff808c166060830152808b166080830152808a1660a0830152881660c082015260e081018790529085166101008201529092507fa0d7cf426361b2d6bd7531413ba37fbf93557b7185572f6259609b8265b29db3906101200160405180910390a15098975050505050505050565b5f61084f6118d2565b54919050565b5f61085e6118d2565b60010154600160401b900463ffffffff16919050565b5f61087d6118d2565b6001015463ffffffff16919050565b335f9081526008602052604090205480158015906108da575060076108b2600183611c8d565b815481106108c2576108c2611cbf565b5f91825260209091206002600390920201015460ff16155b6109375760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a2063616c6c6572206973206e6f74206120726567697374657260448201526732b21036b4b732b960c11b6064820152608401610484565b61093f611094565b6001600160401b0316836001600160401b0316146109d15760405162461bcd60e51b815260206004820152604360248201527f5375626e65743a20636f6d6d69746d656e74732061726520666f72207468652060448201527f63757272656e742077696e646f772c206265666f72652069747320646561646c606482015262696e6560e81b608482015260a401610484565b81610a155760405162461bcd60e51b815260206004820152601460248201527314dd589b995d0e88195b5c1d1e48191a59d95cdd60621b6044820152606401610484565b335f908152600a602052604090208054600160401b900460ff161580610a48575080546001600160401b03858116911614155b610a945760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a2077696e646f7720616c726561647920636f6d6d69747465646044820152606401610484565b805468ffffffffffffffffff19166001600160401b038516908117600160401b1782556001820184905560405184815233907f787877d5fc7bc8f5267952f96083be086f8222c5b63a74f25faa708d86e954a29060200160405180910390a350505050565b5f610b026118d2565b60010154600160601b900463ffffffff16919050565b5f60605f6007805490508463ffffffff1610610b6c5760405162461bcd60e51b815260206004820152601360248201527214dd589b995d0e881b9bc81cdd58da081d5a59606a1b6044820152606401610484565b5f60078563ffffffff1681548110610b8657610b86611cbf565b5f9182526020909120600390910201805460028201546001830180549394506001600160a01b039092169260ff909116908290610bc290611cd3565b80601f0160208091040260200160405190810160405280929190818152602001828054610bee90611cd3565b8015610c395780601f10610c1057610100808354040283529160200191610c39565b820191905f5260205f20905b815481529060010190602001808311610c1c57829003601f168201915b50505050509150935093509350509193909250565b5f610c576118d2565b60010154600160801b90046001600160401b0316919050565b5f610100831115610cd25760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a20656e64706f696e74206c6f6e676572207468616e2032353660448201526520627974657360d01b6064820152608401610484565b335f9081526008602052604081205490819003610dc75760076040518060600160405280336001600160a01b0316815260200187878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525093855250505086151560209283015283546001808201865594825290829020835160039092020180546001600160a01b0319166001600160a01b03909216919091178155908201519192909190820190610d909082611d81565b50604091820151600291909101805460ff1916911515919091179055600754335f9081526008602052919091208190559050610e43565b84846007610dd6600185611c8d565b81548110610de657610de6611cbf565b905f5260205f2090600302016001019182610e02929190611e3b565b50826007610e11600184611c8d565b81548110610e2157610e21611cbf565b5f9182526020909120600390910201600201805460ff19169115159190911790555b610e4e600182611c8d565b9150336001600160a01b03168263ffffffff167fe043f4edb4f512dc52e9015ee5c0226d7303885714f9d2c713e8c23afc4a3ebc878787604051610e9493929190611ef4565b60405180910390a3509392505050565b6001600160a01b0381165f908152600960209081526040808320805460028201805484518187028101870190955280855260609593946001600160401b0390931693919291839190830182828015610f4057602002820191905f5260205f20905f905b82829054906101000a900461ffff1661ffff1681526020019060020190602082600101049283019260010382029150808411610f075790505b505050505090509250925050915091565b6003546006545f91829182918291829182916001600160401b03918216916001911615801590610f9057506006546001600160401b03908116908a1610155b15610fa65750506006546001600160401b031660045b816001600160401b0316896001600160401b031610156110255760405162461bcd60e51b815260206004820152603460248201527f5375626e65743a206f6c64657220706172616d65746572732061726520696e2060448201527374686520506172616d73536574206576656e747360601b6064820152608401610484565b8054600190910154909963ffffffff8083169a50640100000000830481169950600160401b830481169850600160601b8304169650600160801b9091046001600160401b031694509092509050565b5f61107d6118d2565b60010154640100000000900463ffffffff16919050565b5f6110c86001600160401b037f00000000000000000000000000000000000000000000000000000000000000001643611f2b565b905090565b6001600160a01b0382165f908152600a602052604081208054600160401b900460ff168015611108575080546001600160401b038481169116145b611112575f611118565b80600101545b9150505b92915050565b335f90815260086020526040902054801580159061116f57506007611148600183611c8d565b8154811061115857611158611cbf565b5f91825260209091206002600390920201015460ff165b6111d05760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a2063616c6c6572206973206e6f74206120726567697374657260448201526b32b2103b30b634b230ba37b960a11b6064820152608401610484565b8382146112315760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a207569647320616e64207765696768747320646966666572206044820152680d2dc40d8cadccee8d60bb1b6064820152608401610484565b6007548411156112985760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a206d6f72652077656967687473207468616e2072656769737460448201526b65726564206e6575726f6e7360a01b6064820152608401610484565b5f6112a1611094565b9050806001600160401b0316876001600160401b0316106113045760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a2077696e646f77206973206e6f7420636c6f736564207965746044820152606401610484565b806001600160401b03166113166118d2565b6001015461133490600160801b90046001600160401b031689611ca0565b6001600160401b0316101561138b5760405162461bcd60e51b815260206004820152601760248201527f5375626e65743a2077696e646f77206973207374616c650000000000000000006044820152606401610484565b335f9081526009602052604090208054600160401b900460ff1615806113be575080546001600160401b03908116908916115b6114305760405162461bcd60e51b815260206004820152603960248201527f5375626e65743a2077696e646f7720616c726561647920706f73746564206f7260448201527f206f6c646572207468616e20746865206c61737420706f7374000000000000006064820152608401610484565b6007545f5b87811015611588578189898381811061145057611450611cbf565b90506020020160208101906114659190611a29565b63ffffffff16106114b85760405162461bcd60e51b815260206004820152601860248201527f5375626e65743a20756e726567697374657265642075696400000000000000006044820152606401610484565b80156115805788886114cb600184611c8d565b8181106114da576114da611cbf565b90506020020160208101906114ef9190611a29565b63ffffffff1689898381811061150757611507611cbf565b905060200201602081019061151c9190611a29565b63ffffffff16116115805760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a2075696473206d757374206265207374726963746c7920696e6044820152676372656173696e6760c01b6064820152608401610484565b600101611435565b505f87156115d757888861159d600182611c8d565b8181106115ac576115ac611cbf565b90506020020160208101906115c19190611a29565b6115d29063ffffffff166001611f4a565b6115d9565b5f5b6001600160401b038111156115f0576115f0611d0b565b604051908082528060200260200182016040528015611619578160200160208202803683370190505b5090505f5b888110156116a65787878281811061163857611638611cbf565b905060200201602081019061164d9190611f6e565b828b8b8481811061166057611660611cbf565b90506020020160208101906116759190611a29565b63ffffffff168151811061168b5761168b611cbf565b61ffff9092166020928302919091019091015260010161161e565b50825468ffffffffffffffffff19166001600160401b038b1617600160401b1783556040516116df908a908a908a908a90602001611f87565b60408051601f19818403018152919052805160209091012060018401556002830161170a8282612077565b50896001600160401b0316336001600160a01b03167fabb1abe9cc88f0ab23c82623d4ebd1cdd6522538c503e273a0b6ac5a22ac61818b8b8b8b6040516117549493929190611f87565b60405180910390a350505050505050505050565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a08101919091525f8663ffffffff161180156117b357505f8563ffffffff16115b6118115760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b6064820152608401610484565b5f8363ffffffff1611801561183257508263ffffffff168463ffffffff1611155b61188c5760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b6064820152608401610484565b506040805160c08101825296875263ffffffff958616602088015293851693860193909352908316606085015290911660808301526001600160401b031660a082015290565b6006545f906001600160401b03161580159061190957506006546001600160401b03166118fd611094565b6001600160401b031610155b6119135750600190565b50600490565b80356001600160a01b038116811461192f575f5ffd5b919050565b5f60208284031215611944575f5ffd5b61194d82611919565b9392505050565b80356001600160401b038116811461192f575f5ffd5b803563ffffffff8116811461192f575f5ffd5b5f5f5f5f5f5f5f5f610100898b031215611995575f5ffd5b883597506119a560208a01611954565b96506119b360408a0161196a565b95506119c160608a0161196a565b94506119cf60808a0161196a565b93506119dd60a08a0161196a565b925060c089013591506119f260e08a01611954565b90509295985092959890939650565b5f5f60408385031215611a12575f5ffd5b611a1b83611954565b946020939093013593505050565b5f60208284031215611a39575f5ffd5b61194d8261196a565b60018060a01b0384168152606060208201525f83518060608401528060208601608085015e5f608082850101526080601f19601f8301168401019150508215156040830152949350505050565b5f5f5f60408486031215611aa1575f5ffd5b83356001600160401b03811115611ab6575f5ffd5b8401601f81018613611ac6575f5ffd5b80356001600160401b03811115611adb575f5ffd5b866020828401011115611aec575f5ffd5b6020918201945092508401358015158114611b05575f5ffd5b809150509250925092565b5f604082016001600160401b0385168352604060208401528084518083526060850191506020860192505f5b81811015611b5e57835161ffff16835260209384019390920191600101611b3c565b50909695505050505050565b5f60208284031215611b7a575f5ffd5b61194d82611954565b5f5f60408385031215611b94575f5ffd5b611b9d83611919565b9150611bab60208401611954565b90509250929050565b5f5f83601f840112611bc4575f5ffd5b5081356001600160401b03811115611bda575f5ffd5b6020830191508360208260051b8501011115611bf4575f5ffd5b9250929050565b5f5f5f5f5f60608688031215611c0f575f5ffd5b611c1886611954565b945060208601356001600160401b03811115611c32575f5ffd5b611c3e88828901611bb4565b90955093505060408601356001600160401b03811115611c5c575f5ffd5b611c6888828901611bb4565b969995985093965092949392505050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561111c5761111c611c79565b6001600160401b03818116838216019081111561111c5761111c611c79565b634e487b7160e01b5f52603260045260245ffd5b600181811c90821680611ce757607f821691505b602082108103611d0557634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b5f5b82811015611d36575f82820155600101611d21565b505050565b601f821115611d365782821115611d3657805f5260205f20601f840160051c6020851015611d6657505f5b611d7a81601f860160051c03828401611d1f565b5050505050565b81516001600160401b03811115611d9a57611d9a611d0b565b611dae81611da88454611cd3565b84611d3b565b6020601f821160018114611de0575f8315611dc95750848201515b5f19600385901b1c1916600184901b178455611d7a565b5f84815260208120601f198516915b82811015611e0f5787850151825560209485019460019092019101611def565b5084821015611e2c57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6001600160401b03831115611e5257611e52611d0b565b611e6683611e608354611cd3565b83611d3b565b5f601f841160018114611e97575f8515611e805750838201355b5f19600387901b1c1916600186901b178355611d7a565b5f83815260208120601f198716915b82811015611ec65786850135825560209485019460019092019101611ea6565b5086821015611ee2575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b60408152826040820152828460608301375f60608483018101919091529115156020820152601f909201601f191690910101919050565b5f82611f4557634e487b7160e01b5f52601260045260245ffd5b500490565b8082018082111561111c5761111c611c79565b803561ffff8116811461192f575f5ffd5b5f60208284031215611f7e575f5ffd5b61194d82611f5d565b604080825281018490525f8560608301825b87811015611fc45763ffffffff611faf8461196a565b16825260209283019290910190600101611f99565b50838103602080860191909152858252019050845f5b858110156120045761ffff611fee83611f5d565b1683526020928301929190910190600101611fda565b5090979650505050505050565b600160401b82111561202557612025611d0b565b805482825580831015611d3657600f830160041c825f528060205f2001601e8560011b168015612064575f19820180545f198360200360031b1c168155505b50611d7a82600f850160041c0382611d1f565b81516001600160401b0381111561209057612090611d0b565b61209a8183612011565b602083016120ad835f9081526020902090565b8260041c5f5b8181101561210c575f5f5b60108110156120ff576120ee6120d6875161ffff1690565b61ffff908116600484901b90811b91901b1984161790565b6020969096019591506001016120be565b50838201556001016120b3565b50600f19841680850381861461214d575f5f5b82811015612147576121366120d6885161ffff1690565b60209790970196915060010161211f565b50848401555b505050505050505056fea2646970667358221220e507164f5e9258cd1f91dd57462e31bd3baae55231c93b1af45dd8d0730de09264736f6c63430008250033",
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
