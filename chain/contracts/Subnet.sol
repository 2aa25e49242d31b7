// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Assay subnet registry and weights
/// @notice Miners and validators register themselves; the owner sets the
/// network parameters; registered validators post one weight vector per
/// closed window. Windows are `block.number / windowLength`.
contract Subnet {
    struct Neuron {
        address account;
        string endpoint; // where a miner publishes window files
        bool validator;
    }

    address public owner;

    // Network parameters, readable by anyone.
    bytes32 public modelId;
    uint64 public windowLength;
    uint32 public groupSize;
    uint32 public k;
    uint32 public sampleNum;
    uint32 public sampleDen;
    bytes32 public beaconChain;
    uint64 public staleWindows; // a window older than this many windows can no longer be posted

    Neuron[] private neurons;
    mapping(address => uint256) private uidPlusOne;

    // Storage per post is kept small on purpose: new storage slots are the
    // dominant gas cost, so the latest post is stored densely by uid (16
    // weights a slot, overwritten in place by later posts) and the history
    // lives in WeightsSet events, pinned by the hash of each post.
    struct Post {
        uint64 window;
        bool posted;
        bytes32 hash; // keccak256(abi.encode(uids, weights)) of the latest post
        uint16[] weights; // dense: weights[uid]
    }

    mapping(address => Post) private latest;

    event ParamsSet(bytes32 modelId, uint64 windowLength, uint32 groupSize, uint32 k, uint32 sampleNum, uint32 sampleDen, bytes32 beaconChain, uint64 staleWindows);
    event Registered(uint32 indexed uid, address indexed account, string endpoint, bool validator);
    event WeightsSet(address indexed validator, uint64 indexed window, uint32[] uids, uint16[] weights);

    constructor(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) {
        owner = msg.sender;
        _setParams(modelId_, windowLength_, groupSize_, k_, sampleNum_, sampleDen_, beaconChain_, staleWindows_);
    }

    function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) external {
        require(msg.sender == owner, "Subnet: only the owner sets parameters");
        _setParams(modelId_, windowLength_, groupSize_, k_, sampleNum_, sampleDen_, beaconChain_, staleWindows_);
    }

    function _setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) private {
        require(windowLength_ > 0, "Subnet: window length must be positive");
        require(groupSize_ > 0 && k_ > 0, "Subnet: group size and K must be positive");
        require(sampleDen_ > 0 && sampleNum_ <= sampleDen_, "Subnet: sample rate must be in [0, 1]");
        modelId = modelId_;
        windowLength = windowLength_;
        groupSize = groupSize_;
        k = k_;
        sampleNum = sampleNum_;
        sampleDen = sampleDen_;
        beaconChain = beaconChain_;
        staleWindows = staleWindows_;
        emit ParamsSet(modelId_, windowLength_, groupSize_, k_, sampleNum_, sampleDen_, beaconChain_, staleWindows_);
    }

    /// @notice Registers the caller (or updates its endpoint and role).
    function register(string calldata endpoint, bool asValidator) external returns (uint32 uid) {
        require(bytes(endpoint).length <= 256, "Subnet: endpoint longer than 256 bytes");
        uint256 u = uidPlusOne[msg.sender];
        if (u == 0) {
            neurons.push(Neuron(msg.sender, endpoint, asValidator));
            u = neurons.length;
            uidPlusOne[msg.sender] = u;
        } else {
            neurons[u - 1].endpoint = endpoint;
            neurons[u - 1].validator = asValidator;
        }
        uid = uint32(u - 1);
        emit Registered(uid, msg.sender, endpoint, asValidator);
    }

    function currentWindow() public view returns (uint64) {
        return uint64(block.number / windowLength);
    }

    function neuronCount() external view returns (uint256) {
        return neurons.length;
    }

    function neuron(uint32 uid) external view returns (address account, string memory endpoint, bool validator) {
        require(uid < neurons.length, "Subnet: no such uid");
        Neuron storage n = neurons[uid];
        return (n.account, n.endpoint, n.validator);
    }

    /// @notice uid of an account; registered is false when it has none.
    function uidOf(address account) external view returns (uint32 uid, bool registered) {
        uint256 u = uidPlusOne[account];
        if (u == 0) return (0, false);
        return (uint32(u - 1), true);
    }

    /// @notice Posts the caller's weights for a closed window. uids must be
    /// strictly increasing registered uids; weights are uint16 shares.
    function setWeights(uint64 window, uint32[] calldata uids, uint16[] calldata weights) external {
        uint256 u = uidPlusOne[msg.sender];
        require(u != 0 && neurons[u - 1].validator, "Subnet: caller is not a registered validator");
        require(uids.length == weights.length, "Subnet: uids and weights differ in length");
        require(uids.length <= neurons.length, "Subnet: more weights than registered neurons");
        uint64 cur = currentWindow();
        require(window < cur, "Subnet: window is not closed yet");
        require(window + staleWindows >= cur, "Subnet: window is stale");
        Post storage p = latest[msg.sender];
        require(!p.posted || window > p.window, "Subnet: window already posted or older than the last post");
        uint256 n = neurons.length;
        for (uint256 i = 0; i < uids.length; i++) {
            require(uids[i] < n, "Subnet: unregistered uid");
            if (i > 0) require(uids[i] > uids[i - 1], "Subnet: uids must be strictly increasing");
        }
        uint16[] memory dense = new uint16[](uids.length == 0 ? 0 : uint256(uids[uids.length - 1]) + 1);
        for (uint256 i = 0; i < uids.length; i++) {
            dense[uids[i]] = weights[i];
        }
        p.window = window;
        p.posted = true;
        p.hash = keccak256(abi.encode(uids, weights));
        p.weights = dense;
        emit WeightsSet(msg.sender, window, uids, weights);
    }

    /// @notice A validator's latest post: its window and content hash.
    function lastPost(address validator) external view returns (uint64 window, bool posted, bytes32 hash) {
        Post storage p = latest[validator];
        return (p.window, p.posted, p.hash);
    }

    /// @notice The latest weights a validator posted, dense by uid (uids
    /// beyond the array or missing from the post have weight 0). Earlier
    /// posts are in the WeightsSet events.
    function weightsOf(address validator) external view returns (uint64 window, uint16[] memory weights) {
        Post storage p = latest[validator];
        return (p.window, p.weights);
    }
}
