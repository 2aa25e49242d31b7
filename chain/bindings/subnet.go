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
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"windowLength\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"groupSize\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"k\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleNum\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sampleDen\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"beaconChain\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"staleWindows\",\"type\":\"uint64\"}],\"name\":\"ParamsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"indexed\":false,\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"WeightsSet\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"beaconChain\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"groupSize\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"k\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"lastPost\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"posted\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"name\":\"neuron\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"validator\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"neuronCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bool\",\"name\":\"asValidator\",\"type\":\"bool\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleDen\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sampleNum\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"windowLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"groupSize_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"k_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleNum_\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"sampleDen_\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"beaconChain_\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"staleWindows_\",\"type\":\"uint64\"}],\"name\":\"setParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint32[]\",\"name\":\"uids\",\"type\":\"uint32[]\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"name\":\"setWeights\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"staleWindows\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"uidOf\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"uid\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"registered\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"validator\",\"type\":\"address\"}],\"name\":\"weightsOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"window\",\"type\":\"uint64\"},{\"internalType\":\"uint16[]\",\"name\":\"weights\",\"type\":\"uint16[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"windowLength\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Subnet",
	Bin: "0x608060405234801561000f575f5ffd5b50604051611d24380380611d2483398101604081905261002e9161035e565b5f80546001600160a01b0319163317905561004f888888888888888861005c565b50505050505050506103e3565b5f876001600160401b0316116100c85760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a2077696e646f77206c656e677468206d75737420626520706f60448201526573697469766560d01b60648201526084015b60405180910390fd5b5f8663ffffffff161180156100e257505f8563ffffffff16115b6101405760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b60648201526084016100bf565b5f8363ffffffff1611801561016157508263ffffffff168463ffffffff1611155b6101bb5760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b60648201526084016100bf565b876001819055508660025f6101000a8154816001600160401b0302191690836001600160401b0316021790555085600260086101000a81548163ffffffff021916908363ffffffff160217905550846002600c6101000a81548163ffffffff021916908363ffffffff16021790555083600260106101000a81548163ffffffff021916908363ffffffff16021790555082600260146101000a81548163ffffffff021916908363ffffffff160217905550816003819055508060045f6101000a8154816001600160401b0302191690836001600160401b031602179055507fd89c0bce2b582ee6ec8d726ea36096e3f0735840b538dbe236d0e4b6415c019b888888888888888860405161031e9897969594939291909788526001600160401b03968716602089015263ffffffff95861660408901529385166060880152918416608087015290921660a085015260c08401919091521660e08201526101000190565b60405180910390a15050505050505050565b80516001600160401b0381168114610346575f5ffd5b919050565b805163ffffffff81168114610346575f5ffd5b5f5f5f5f5f5f5f5f610100898b031215610376575f5ffd5b8851975061038660208a01610330565b965061039460408a0161034b565b95506103a260608a0161034b565b94506103b060808a0161034b565b93506103be60a08a0161034b565b60c08a015190935091506103d460e08a01610330565b90509295985092959890939650565b611934806103f05f395ff3fe608060405234801561000f575f5ffd5b5060043610610111575f3560e01c80638cf155d21161009e578063b4f40c611161006e578063b4f40c6114610296578063ba0bafb4146102ad578063bf1567d9146102b5578063ca20344f146102c8578063fd746b6414610332575f5ffd5b80638cf155d2146102255780638da5cb5b146102385780638f294da6146102625780638f7e286714610275575f5ffd5b80634b2358a4116100e45780634b2358a41461017e57806363b635ea146101aa5780636f0e2701146101c1578063785d281c146101d85780637c70b205146101fa575f5ffd5b80630b688f401461011557806311627f7e1461014957806322c0350b1461015e57806343cdaad214610175575b5f5ffd5b610128610123366004611136565b61033a565b6040805163ffffffff90931683529015156020830152015b60405180910390f35b61015c610157366004611191565b61037c565b005b61016760035481565b604051908152602001610140565b61016760015481565b60025461019590600160801b900463ffffffff1681565b60405163ffffffff9091168152602001610140565b60025461019590600160401b900463ffffffff1681565b60025461019590600160a01b900463ffffffff1681565b6101eb6101e6366004611215565b610403565b6040516101409392919061122e565b60025461020d906001600160401b031681565b6040516001600160401b039091168152602001610140565b60045461020d906001600160401b031681565b5f5461024a906001600160a01b031681565b6040516001600160a01b039091168152602001610140565b61019561027036600461127b565b610539565b610288610283366004611136565b61076d565b6040516101409291906112fc565b60025461019590600160601b900463ffffffff1681565b61020d61081a565b61015c6102c336600461139d565b610837565b61030d6102d6366004611136565b6001600160a01b03165f90815260076020526040902080546001909101546001600160401b03821692600160401b90920460ff1691565b604080516001600160401b039094168452911515602084015290820152606001610140565b600554610167565b6001600160a01b0381165f90815260066020526040812054819080820361036657505f93849350915050565b61037160018261142f565b946001945092505050565b5f546001600160a01b031633146103e95760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a206f6e6c7920746865206f776e6572207365747320706172616044820152656d657465727360d01b60648201526084015b60405180910390fd5b6103f98888888888888888610e67565b5050505050505050565b5f60605f6005805490508463ffffffff16106104575760405162461bcd60e51b815260206004820152601360248201527214dd589b995d0e881b9bc81cdd58da081d5a59606a1b60448201526064016103e0565b5f60058563ffffffff168154811061047157610471611448565b5f9182526020909120600390910201805460028201546001830180549394506001600160a01b039092169260ff9091169082906104ad9061145c565b80601f01602080910402602001604051908101604052809291908181526020018280546104d99061145c565b80156105245780601f106104fb57610100808354040283529160200191610524565b820191905f5260205f20905b81548152906001019060200180831161050757829003601f168201915b50505050509150935093509350509193909250565b5f61010083111561059b5760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a20656e64706f696e74206c6f6e676572207468616e2032353660448201526520627974657360d01b60648201526084016103e0565b335f90815260066020526040812054908190036106905760056040518060600160405280336001600160a01b0316815260200187878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525093855250505086151560209283015283546001808201865594825290829020835160039092020180546001600160a01b0319166001600160a01b03909216919091178155908201519192909190820190610659908261150a565b50604091820151600291909101805460ff1916911515919091179055600554335f908152600660205291909120819055905061070c565b8484600561069f60018561142f565b815481106106af576106af611448565b905f5260205f20906003020160010191826106cb9291906115c4565b508260056106da60018461142f565b815481106106ea576106ea611448565b5f9182526020909120600390910201600201805460ff19169115159190911790555b61071760018261142f565b9150336001600160a01b03168263ffffffff167fe043f4edb4f512dc52e9015ee5c0226d7303885714f9d2c713e8c23afc4a3ebc87878760405161075d9392919061167d565b60405180910390a3509392505050565b6001600160a01b0381165f908152600760209081526040808320805460028201805484518187028101870190955280855260609593946001600160401b039093169391929183919083018282801561080957602002820191905f5260205f20905f905b82829054906101000a900461ffff1661ffff16815260200190600201906020826001010492830192600103820291508084116107d05790505b505050505090509250925050915091565b6002545f90610832906001600160401b0316436116b4565b905090565b335f9081526006602052604090205480158015906108845750600561085d60018361142f565b8154811061086d5761086d611448565b5f91825260209091206002600390920201015460ff165b6108e55760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a2063616c6c6572206973206e6f74206120726567697374657260448201526b32b2103b30b634b230ba37b960a11b60648201526084016103e0565b8382146109465760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a207569647320616e64207765696768747320646966666572206044820152680d2dc40d8cadccee8d60bb1b60648201526084016103e0565b6005548411156109ad5760405162461bcd60e51b815260206004820152602c60248201527f5375626e65743a206d6f72652077656967687473207468616e2072656769737460448201526b65726564206e6575726f6e7360a01b60648201526084016103e0565b5f6109b661081a565b9050806001600160401b0316876001600160401b031610610a195760405162461bcd60e51b815260206004820181905260248201527f5375626e65743a2077696e646f77206973206e6f7420636c6f7365642079657460448201526064016103e0565b6004546001600160401b0380831691610a339116896116d3565b6001600160401b03161015610a8a5760405162461bcd60e51b815260206004820152601760248201527f5375626e65743a2077696e646f77206973207374616c6500000000000000000060448201526064016103e0565b335f9081526007602052604090208054600160401b900460ff161580610abd575080546001600160401b03908116908916115b610b2f5760405162461bcd60e51b815260206004820152603960248201527f5375626e65743a2077696e646f7720616c726561647920706f73746564206f7260448201527f206f6c646572207468616e20746865206c61737420706f73740000000000000060648201526084016103e0565b6005545f5b87811015610c875781898983818110610b4f57610b4f611448565b9050602002016020810190610b649190611215565b63ffffffff1610610bb75760405162461bcd60e51b815260206004820152601860248201527f5375626e65743a20756e7265676973746572656420756964000000000000000060448201526064016103e0565b8015610c7f578888610bca60018461142f565b818110610bd957610bd9611448565b9050602002016020810190610bee9190611215565b63ffffffff16898983818110610c0657610c06611448565b9050602002016020810190610c1b9190611215565b63ffffffff1611610c7f5760405162461bcd60e51b815260206004820152602860248201527f5375626e65743a2075696473206d757374206265207374726963746c7920696e6044820152676372656173696e6760c01b60648201526084016103e0565b600101610b34565b505f8715610cd6578888610c9c60018261142f565b818110610cab57610cab611448565b9050602002016020810190610cc09190611215565b610cd19063ffffffff1660016116f2565b610cd8565b5f5b6001600160401b03811115610cef57610cef611494565b604051908082528060200260200182016040528015610d18578160200160208202803683370190505b5090505f5b88811015610da557878782818110610d3757610d37611448565b9050602002016020810190610d4c9190611716565b828b8b84818110610d5f57610d5f611448565b9050602002016020810190610d749190611215565b63ffffffff1681518110610d8a57610d8a611448565b61ffff90921660209283029190910190910152600101610d1d565b50825468ffffffffffffffffff19166001600160401b038b1617600160401b178355604051610dde908a908a908a908a9060200161172f565b60408051601f198184030181529190528051602090910120600184015560028301610e09828261181f565b50896001600160401b0316336001600160a01b03167fabb1abe9cc88f0ab23c82623d4ebd1cdd6522538c503e273a0b6ac5a22ac61818b8b8b8b604051610e53949392919061172f565b60405180910390a350505050505050505050565b5f876001600160401b031611610ece5760405162461bcd60e51b815260206004820152602660248201527f5375626e65743a2077696e646f77206c656e677468206d75737420626520706f60448201526573697469766560d01b60648201526084016103e0565b5f8663ffffffff16118015610ee857505f8563ffffffff16115b610f465760405162461bcd60e51b815260206004820152602960248201527f5375626e65743a2067726f75702073697a6520616e64204b206d75737420626560448201526820706f73697469766560b81b60648201526084016103e0565b5f8363ffffffff16118015610f6757508263ffffffff168463ffffffff1611155b610fc15760405162461bcd60e51b815260206004820152602560248201527f5375626e65743a2073616d706c652072617465206d75737420626520696e205b604482015264302c20315d60d81b60648201526084016103e0565b876001819055508660025f6101000a8154816001600160401b0302191690836001600160401b0316021790555085600260086101000a81548163ffffffff021916908363ffffffff160217905550846002600c6101000a81548163ffffffff021916908363ffffffff16021790555083600260106101000a81548163ffffffff021916908363ffffffff16021790555082600260146101000a81548163ffffffff021916908363ffffffff160217905550816003819055508060045f6101000a8154816001600160401b0302191690836001600160401b031602179055507fd89c0bce2b582ee6ec8d726ea36096e3f0735840b538dbe236d0e4b6415c019b88888888888888886040516111249897969594939291909788526001600160401b03968716602089015263ffffffff95861660408901529385166060880152918416608087015290921660a085015260c08401919091521660e08201526101000190565b60405180910390a15050505050505050565b5f60208284031215611146575f5ffd5b81356001600160a01b038116811461115c575f5ffd5b9392505050565b80356001600160401b0381168114611179575f5ffd5b919050565b803563ffffffff81168114611179575f5ffd5b5f5f5f5f5f5f5f5f610100898b0312156111a9575f5ffd5b883597506111b960208a01611163565b96506111c760408a0161117e565b95506111d560608a0161117e565b94506111e360808a0161117e565b93506111f160a08a0161117e565b925060c0890135915061120660e08a01611163565b90509295985092959890939650565b5f60208284031215611225575f5ffd5b61115c8261117e565b60018060a01b0384168152606060208201525f83518060608401528060208601608085015e5f608082850101526080601f19601f8301168401019150508215156040830152949350505050565b5f5f5f6040848603121561128d575f5ffd5b83356001600160401b038111156112a2575f5ffd5b8401601f810186136112b2575f5ffd5b80356001600160401b038111156112c7575f5ffd5b8660208284010111156112d8575f5ffd5b60209182019450925084013580151581146112f1575f5ffd5b809150509250925092565b5f604082016001600160401b0385168352604060208401528084518083526060850191506020860192505f5b8181101561134a57835161ffff16835260209384019390920191600101611328565b50909695505050505050565b5f5f83601f840112611366575f5ffd5b5081356001600160401b0381111561137c575f5ffd5b6020830191508360208260051b8501011115611396575f5ffd5b9250929050565b5f5f5f5f5f606086880312156113b1575f5ffd5b6113ba86611163565b945060208601356001600160401b038111156113d4575f5ffd5b6113e088828901611356565b90955093505060408601356001600160401b038111156113fe575f5ffd5b61140a88828901611356565b969995985093965092949392505050565b634e487b7160e01b5f52601160045260245ffd5b818103818111156114425761144261141b565b92915050565b634e487b7160e01b5f52603260045260245ffd5b600181811c9082168061147057607f821691505b60208210810361148e57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b5f5b828110156114bf575f828201556001016114aa565b505050565b601f8211156114bf57828211156114bf57805f5260205f20601f840160051c60208510156114ef57505f5b61150381601f860160051c038284016114a8565b5050505050565b81516001600160401b0381111561152357611523611494565b61153781611531845461145c565b846114c4565b6020601f821160018114611569575f83156115525750848201515b5f19600385901b1c1916600184901b178455611503565b5f84815260208120601f198516915b828110156115985787850151825560209485019460019092019101611578565b50848210156115b557868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6001600160401b038311156115db576115db611494565b6115ef836115e9835461145c565b836114c4565b5f601f841160018114611620575f85156116095750838201355b5f19600387901b1c1916600186901b178355611503565b5f83815260208120601f198716915b8281101561164f578685013582556020948501946001909201910161162f565b508682101561166b575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b60408152826040820152828460608301375f60608483018101919091529115156020820152601f909201601f191690910101919050565b5f826116ce57634e487b7160e01b5f52601260045260245ffd5b500490565b6001600160401b0381811683821601908111156114425761144261141b565b808201808211156114425761144261141b565b803561ffff81168114611179575f5ffd5b5f60208284031215611726575f5ffd5b61115c82611705565b604080825281018490525f8560608301825b8781101561176c5763ffffffff6117578461117e565b16825260209283019290910190600101611741565b50838103602080860191909152858252019050845f5b858110156117ac5761ffff61179683611705565b1683526020928301929190910190600101611782565b5090979650505050505050565b600160401b8211156117cd576117cd611494565b8054828255808310156114bf57600f830160041c825f528060205f2001601e8560011b16801561180c575f19820180545f198360200360031b1c168155505b5061150382600f850160041c03826114a8565b81516001600160401b0381111561183857611838611494565b61184281836117b9565b60208301611855835f9081526020902090565b8260041c5f5b818110156118b4575f5f5b60108110156118a75761189661187e875161ffff1690565b61ffff908116600484901b90811b91901b1984161790565b602096909601959150600101611866565b508382015560010161185b565b50600f1984168085038186146103f9575f5f5b828110156118ef576118de61187e885161ffff1690565b6020979097019691506001016118c7565b5084840155505050505050505056fea264697066735822122073bb09dcc403a0769ffbc0ec7c3e4d15c577eb4bd0d303a4b1cbdff2f816d5e364736f6c63430008250033",
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
// Solidity: function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) returns()
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
// Solidity: function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) returns()
func (subnet *Subnet) TryPackSetParams(modelId [32]byte, windowLength uint64, groupSize uint32, k uint32, sampleNum uint32, sampleDen uint32, beaconChain [32]byte, staleWindows uint64) ([]byte, error) {
	return subnet.abi.Pack("setParams", modelId, windowLength, groupSize, k, sampleNum, sampleDen, beaconChain, staleWindows)
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
// Solidity: event ParamsSet(bytes32 modelId, uint64 windowLength, uint32 groupSize, uint32 k, uint32 sampleNum, uint32 sampleDen, bytes32 beaconChain, uint64 staleWindows)
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
