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
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"windowLength\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"groupSize\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"k\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleNum\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleDen\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"beaconChain\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"staleWindows\",\"type\":\"uint64\"}],\"name\":\"ParamsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"indexed\":false,\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"WeightsSet\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"PARAMS_DELAY\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"beaconChain\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"groupSize\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"k\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"lastPost\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"posted\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"name\":\"neuron\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"neuronCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"}],\"name\":\"paramsAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"asValidator\",\"type\":\"bool\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleDen\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleNum\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"name\":\"setParams\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"fromWindow\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"setWeights\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"staleWindows\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"uidOf\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"registered\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"weightsOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"windowLength\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Subnet",
	Bin: "0x60c060405234801561000f575f5ffd5b5060405161228b38038061228b83398101604081905261002e9161039d565b5f876001600160401b03161161009a5760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a2077696e646f77206c656e677468206d75737420626520706f60448201526573697469766560d01b60648201526084015b60405180910390fd5b5f80546001600160a01b031916331790556001600160401b03871660805260a08290526100cb888787878786610205565b8051600155602080820151600280546040808601516060808801516080808a015160a09a8b01516001600160401b03908116600160801b02600160801b600160c01b031963ffffffff9384166c010000000000000000000000000263ffffffff60601b19968516680100000000000000000296909616600160401b600160801b0319988516640100000000026001600160401b0319909b169c85169c909c1799909917969096169990991792909217959095169290921790945581515f81529586018f90528d8516868301528c8116938601939093528a83169185019190915288821694840194909452861660c083015260e08201859052831661010082015290517fa0d7cf426361b2d6bd7531413ba37fbf93557b7185572f6259609b8265b29db3918190036101200190a15050505050505050610422565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a08101919091525f8663ffffffff1611801561025057505f8563ffffffff16115b6102ae5760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b6064820152608401610091565b5f8363ffffffff161180156102cf57508263ffffffff168463ffffffff1611155b6103295760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b6064820152608401610091565b506040805160c08101825296875263ffffffff958616602088015293851693860193909352908316606085015290911660808301526001600160401b031660a082015290565b80516001600160401b0381168114610385575f5ffd5b919050565b805163ffffffff81168114610385575f5ffd5b5f5f5f5f5f5f5f5f610100898b0312156103b5575f5ffd5b885197506103c560208a0161036f565b96506103d360408a0161038a565b95506103e160608a0161038a565b94506103ef60808a0161038a565b93506103fd60a08a0161038a565b60c08a0151909350915061041360e08a0161036f565b90509295985092959890939650565b60805160a051611e336104585f395f818161018f01526104ed01525f8181610223015281816104530152610df90152611e335ff3fe608060405234801561000f575f5ffd5b5060043610610127575f3560e01c80638cf155d2116100a9578063b4f40c611161006e578063b4f40c611461030a578063ba0bafb414610312578063bf1567d91461031a578063ca20344f1461032f578063fd746b6414610399575f5ffd5b80638cf155d2146102455780638da5cb5b1461024d5780638f294da6146102775780638f7e28671461028a578063a753eeeb146102ab575f5ffd5b80634b2358a4116100ef5780634b2358a4146101cf57806363b635ea146101ec5780636f0e2701146101f4578063785d281c146101fc5780637c70b2051461021e575f5ffd5b80630b688f401461012b57806311627f7e1461015f57806322c0350b1461018a57806343cdaad2146101bf57806349a92f81146101c7575b5f5ffd5b61013e61013936600461161b565b6103a1565b6040805163ffffffff90931683529015156020830152015b60405180910390f35b61017261016d366004611676565b6103e3565b6040516001600160401b039091168152602001610156565b6101b17f000000000000000000000000000000000000000000000000000000000000000081565b604051908152602001610156565b6101b161080a565b610172600281565b6101d7610819565b60405163ffffffff9091168152602001610156565b6101d7610838565b6101d7610850565b61020f61020a3660046116fa565b61086f565b60405161015693929190611713565b6101727f000000000000000000000000000000000000000000000000000000000000000081565b6101726109a5565b5f5461025f906001600160a01b031681565b6040516001600160a01b039091168152602001610156565b6101d7610285366004611760565b6109c7565b61029d61029836600461161b565b610bfb565b6040516101569291906117e1565b6102be6102b936600461183b565b610ca8565b6040805197885263ffffffff968716602089015294861694870194909452918416606086015290921660808401526001600160401b0391821660a08401521660c082015260e001610156565b6101d7610dcb565b610172610deb565b61032d61032836600461189b565b610e24565b005b61037461033d36600461161b565b6001600160a01b03165f90815260096020526040902080546001909101546001600160401b03821692600160401b90920460ff1691565b604080516001600160401b039094168452911515602084015290820152606001610156565b6007546101b1565b6001600160a01b0381165f9081526008602052604081205481908082036103cd57505f93849350915050565b6103d860018261192d565b946001945092505050565b5f80546001600160a01b031633146104515760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a206f6e6c7920746865206f776e6572207365747320706172616044820152656d657465727360d01b60648201526084015b60405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316886001600160401b0316146104eb5760405162461bcd60e51b815260206004820152603060248201527f5375626e65743a207468652077696e646f77206c656e6774682069732066697860448201526f195908185d0819195c1b1bde5b595b9d60821b6064820152608401610448565b7f000000000000000000000000000000000000000000000000000000000000000083146105725760405162461bcd60e51b815260206004820152602f60248201527f5375626e65743a2074686520626561636f6e20636861696e206973206669786560448201526e1908185d0819195c1b1bde5b595b9d608a1b6064820152608401610448565b5f61057b610deb565b6006549091506001600160401b0316156106a4576006546001600160401b0390811690821610156106065760405162461bcd60e51b815260206004820152602f60248201527f5375626e65743a206120706172616d65746572206368616e676520697320616c60448201526e1c9958591e481cd8da19591d5b1959608a1b6064820152608401610448565b6004546001556005546002805463ffffffff80841667ffffffffffffffff19928316176401000000008086048316021767ffffffffffffffff60401b1916600160401b80860483160263ffffffff60601b191617600160601b808604929092169091021767ffffffffffffffff60801b1916600160801b938490046001600160401b0390811690940217909155600654600380549190931691161790555b6106b28a898989898861146a565b805160045560208101516005805460408401516060850151608086015160a0909601516001600160401b0316600160801b0267ffffffffffffffff60801b1963ffffffff978816600160601b0263ffffffff60601b19938916600160401b029390931667ffffffffffffffff60401b199489166401000000000267ffffffffffffffff1990961698909716979097179390931791909116939093179290921792909216179055610763600282611946565b6006805467ffffffffffffffff19166001600160401b0383811691821790925560408051918252602082018e90528c83169082015263ffffffff808c166060830152808b166080830152808a1660a0830152881660c082015260e081018790529085166101008201529092507fa0d7cf426361b2d6bd7531413ba37fbf93557b7185572f6259609b8265b29db3906101200160405180910390a15098975050505050505050565b5f6108136115d4565b54919050565b5f6108226115d4565b60010154600160401b900463ffffffff16919050565b5f6108416115d4565b6001015463ffffffff16919050565b5f6108596115d4565b60010154600160601b900463ffffffff16919050565b5f60605f6007805490508463ffffffff16106108c35760405162461bcd60e51b815260206004820152601360248201527214dd589b995d0e881b9bc81cdd58da081d5a59606a1b6044820152606401610448565b5f60078563ffffffff16815481106108dd576108dd611965565b5f9182526020909120600390910201805460028201546001830180549394506001600160a01b039092169260ff90911690829061091990611979565b80601f016020809104026020016040519081016040528092919081815260200182805461094590611979565b80156109905780601f1061096757610100808354040283529160200191610990565b820191905f5260205f20905b81548152906001019060200180831161097357829003601f168201915b50505050509150935093509350509193909250565b5f6109ae6115d4565b60010154600160801b90046001600160401b0316919050565b5f610100831115610a295760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a20656e64706f696e74206c6f6e676572207468616e2032353660448201526520627974657360d01b6064820152608401610448565b335f9081526008602052604081205490819003610b1e5760076040518060600160405280336001600160a01b0316815260200187878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525093855250505086151560209283015283546001808201865594825290829020835160039092020180546001600160a01b0319166001600160a01b03909216919091178155908201519192909190820190610ae79082611a27565b50604091820151600291909101805460ff1916911515919091179055600754335f9081526008602052919091208190559050610b9a565b84846007610b2d60018561192d565b81548110610b3d57610b3d611965565b905f5260205f2090600302016001019182610b59929190611ae1565b50826007610b6860018461192d565b81548110610b7857610b78611965565b5f9182526020909120600390910201600201805460ff19169115159190911790555b610ba560018261192d565b9150336001600160a01b03168263ffffffff167fe043f4edb4f512dc52e9015ee5c0226d7303885714f9d2c713e8c23afc4a3ebc878787604051610beb93929190611b9a565b60405180910390a3509392505050565b6001600160a01b0381165f908152600960209081526040808320805460028201805484518187028101870190955280855260609593946001600160401b0390931693919291839190830182828015610c9757602002820191905f5260205f20905f905b82829054906101000a900461ffff1661ffff1681526020019060020190602082600101049283019260010382029150808411610c5e5790505b505050505090509250925050915091565b6003546006545f91829182918291829182916001600160401b03918216916001911615801590610ce757506006546001600160401b03908116908a1610155b15610cfd5750506006546001600160401b031660045b816001600160401b0316896001600160401b03161015610d7c5760405162461bcd60e51b815260206004820152603460248201527f5375626e65743a206f6c64657220706172616d65746572732061726520696e2060448201527374686520506172616d73536574206576656e747360601b6064820152608401610448565b8054600190910154909963ffffffff8083169a50640100000000830481169950600160401b830481169850600160601b8304169650600160801b9091046001600160401b031694509092509050565b5f610dd46115d4565b60010154640100000000900463ffffffff16919050565b5f610e1f6001600160401b037f00000000000000000000000000000000000000000000000000000000000000001643611bd1565b905090565b335f908152600860205260409020548015801590610e7157506007610e4a60018361192d565b81548110610e5a57610e5a611965565b5f91825260209091206002600390920201015460ff165b610ed25760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a2063616c6c6572206973206e6f74206120726567697374657260448201526b32b2103b30b634b230ba37b960a11b6064820152608401610448565b838214610f335760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a207569647320616e64207765696768747320646966666572206044820152680d2dc40d8cadccee8d60bb1b6064820152608401610448565b600754841115610f9a5760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a206d6f72652077656967687473207468616e2072656769737460448201526b65726564206e6575726f6e7360a01b6064820152608401610448565b5f610fa3610deb565b9050806001600160401b0316876001600160401b0316106110065760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a2077696e646f77206973206e6f7420636c6f736564207965746044820152606401610448565b806001600160401b03166110186115d4565b6001015461103690600160801b90046001600160401b031689611946565b6001600160401b0316101561108d5760405162461bcd60e51b815260206004820152601760248201527f5375626e65743a2077696e646f77206973207374616c650000000000000000006044820152606401610448565b335f9081526009602052604090208054600160401b900460ff1615806110c0575080546001600160401b03908116908916115b6111325760405162461bcd60e51b815260206004820152603960248201527f5375626e65743a2077696e646f7720616c726561647920706f73746564206f7260448201527f206f6c646572207468616e20746865206c61737420706f7374000000000000006064820152608401610448565b6007545f5b8781101561128a578189898381811061115257611152611965565b905060200201602081019061116791906116fa565b63ffffffff16106111ba5760405162461bcd60e51b815260206004820152601860248201527f5375626e65743a20756e726567697374657265642075696400000000000000006044820152606401610448565b80156112825788886111cd60018461192d565b8181106111dc576111dc611965565b90506020020160208101906111f191906116fa565b63ffffffff1689898381811061120957611209611965565b905060200201602081019061121e91906116fa565b63ffffffff16116112825760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a2075696473206d757374206265207374726963746c7920696e6044820152676372656173696e6760c01b6064820152608401610448565b600101611137565b505f87156112d957888861129f60018261192d565b8181106112ae576112ae611965565b90506020020160208101906112c391906116fa565b6112d49063ffffffff166001611bf0565b6112db565b5f5b6001600160401b038111156112f2576112f26119b1565b60405190808252806020026020018201604052801561131b578160200160208202803683370190505b5090505f5b888110156113a85787878281811061133a5761133a611965565b905060200201602081019061134f9190611c14565b828b8b8481811061136257611362611965565b905060200201602081019061137791906116fa565b63ffffffff168151811061138d5761138d611965565b61ffff90921660209283029190910190910152600101611320565b50825468ffffffffffffffffff19166001600160401b038b1617600160401b1783556040516113e1908a908a908a908a90602001611c2d565b60408051601f19818403018152919052805160209091012060018401556002830161140c8282611d1d565b50896001600160401b0316336001600160a01b03167fabb1abe9cc88f0ab23c82623d4ebd1cdd6522538c503e273a0b6ac5a22ac61818b8b8b8b6040516114569493929190611c2d565b60405180910390a350505050505050505050565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a08101919091525f8663ffffffff161180156114b557505f8563ffffffff16115b6115135760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b6064820152608401610448565b5f8363ffffffff1611801561153457508263ffffffff168463ffffffff1611155b61158e5760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b6064820152608401610448565b506040805160c08101825296875263ffffffff958616602088015293851693860193909352908316606085015290911660808301526001600160401b031660a082015290565b6006545f906001600160401b03161580159061160b57506006546001600160401b03166115ff610deb565b6001600160401b031610155b6116155750600190565b50600490565b5f6020828403121561162b575f5ffd5b81356001600160a01b0381168114611641575f5ffd5b9392505050565b80356001600160401b038116811461165e575f5ffd5b919050565b803563ffffffff8116811461165e575f5ffd5b5f5f5f5f5f5f5f5f610100898b03121561168e575f5ffd5b8835975061169e60208a01611648565b96506116ac60408a01611663565b95506116ba60608a01611663565b94506116c860808a01611663565b93506116d660a08a01611663565b925060c089013591506116eb60e08a01611648565b90509295985092959890939650565b5f6020828403121561170a575f5ffd5b61164182611663565b60018060a01b0384168152606060208201525f83518060608401528060208601608085015e5f608082850101526080601f19601f8301168401019150508215156040830152949350505050565b5f5f5f60408486031215611772575f5ffd5b83356001600160401b03811115611787575f5ffd5b8401601f81018613611797575f5ffd5b80356001600160401b038111156117ac575f5ffd5b8660208284010111156117bd575f5ffd5b60209182019450925084013580151581146117d6575f5ffd5b809150509250925092565b5f604082016001600160401b0385168352604060208401528084518083526060850191506020860192505f5b8181101561182f57835161ffff1683526020938401939092019160010161180d565b50909695505050505050565b5f6020828403121561184b575f5ffd5b61164182611648565b5f5f83601f840112611864575f5ffd5b5081356001600160401b0381111561187a575f5ffd5b6020830191508360208260051b8501011115611894575f5ffd5b9250929050565b5f5f5f5f5f606086880312156118af575f5ffd5b6118b886611648565b945060208601356001600160401b038111156118d2575f5ffd5b6118de88828901611854565b90955093505060408601356001600160401b038111156118fc575f5ffd5b61190888828901611854565b969995985093965092949392505050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561194057611940611919565b92915050565b6001600160401b03818116838216019081111561194057611940611919565b634e487b7160e01b5f52603260045260245ffd5b600181811c9082168061198d57607f821691505b6020821081036119ab57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b5f5b828110156119dc575f828201556001016119c7565b505050565b601f8211156119dc57828211156119dc57805f5260205f20601f840160051c6020851015611a0c57505f5b611a2081601f860160051c038284016119c5565b5050505050565b81516001600160401b03811115611a4057611a406119b1565b611a5481611a4e8454611979565b846119e1565b6020601f821160018114611a86575f8315611a6f5750848201515b5f19600385901b1c1916600184901b178455611a20565b5f84815260208120601f198516915b82811015611ab55787850151825560209485019460019092019101611a95565b5084821015611ad257868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6001600160401b03831115611af857611af86119b1565b611b0c83611b068354611979565b836119e1565b5f601f841160018114611b3d575f8515611b265750838201355b5f19600387901b1c1916600186901b178355611a20565b5f83815260208120601f198716915b82811015611b6c5786850135825560209485019460019092019101611b4c565b5086821015611b88575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b60408152826040820152828460608301375f60608483018101919091529115156020820152601f909201601f191690910101919050565b5f82611beb57634e487b7160e01b5f52601260045260245ffd5b500490565b8082018082111561194057611940611919565b803561ffff8116811461165e575f5ffd5b5f60208284031215611c24575f5ffd5b61164182611c03565b604080825281018490525f8560608301825b87811015611c6a5763ffffffff611c5584611663565b16825260209283019290910190600101611c3f565b50838103602080860191909152858252019050845f5b85811015611caa5761ffff611c9483611c03565b1683526020928301929190910190600101611c80565b5090979650505050505050565b600160401b821115611ccb57611ccb6119b1565b8054828255808310156119dc57600f830160041c825f528060205f2001601e8560011b168015611d0a575f19820180545f198360200360031b1c168155505b50611a2082600f850160041c03826119c5565b81516001600160401b03811115611d3657611d366119b1565b611d408183611cb7565b60208301611d53835f9081526020902090565b8260041c5f5b81811015611db2575f5f5b6010811015611da557611d94611d7c875161ffff1690565b61ffff908116600484901b90811b91901b1984161790565b602096909601959150600101611d64565b5083820155600101611d59565b50600f198416808503818614611df3575f5f5b82811015611ded57611ddc611d7c885161ffff1690565b602097909701969150600101611dc5565b50848401555b505050505050505056fea2646970667358221220180d1a576ed2b190c936bd4c0f9181349d4d2a6aa1615fd68dae2a8636fdfe7e64736f6c63430008250033",
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
