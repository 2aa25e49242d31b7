// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Assay subnet registry and weights
/// @notice Miners and validators register themselves; the owner sets the
/// network parameters; miners commit their window file's digest before
/// the window's deadline; registered validators post one weight vector per
/// closed window. Windows are `block.number / windowLength`.
contract Subnet {
    struct Neuron {
        address account;
        string endpoint; // where a miner publishes window files
        bool validator;
    }

    address public owner;

    // Windows are block.number / windowLength, so the window length (and
    // the beacon chain seeds are drawn from) are fixed at deployment: a
    // change would renumber every window.
    uint64 public immutable windowLength;
    bytes32 public immutable beaconChain;

    /// @notice Windows between a parameter change and the first window it
    /// governs, so every role knows a window's parameters before it starts.
    uint64 public constant PARAMS_DELAY = 2;

    struct Params {
        bytes32 modelId;
        uint32 groupSize;
        uint32 k;
        uint32 sampleNum;
        uint32 sampleDen;
        uint64 staleWindows; // a window older than this many windows can no longer be posted
    }

    // The parameters in force from window currentFrom, and a scheduled
    // change in force from pendingFrom (0: none). Older ones are in the
    // ParamsSet events.
    Params private current;
    uint64 private currentFrom;
    Params private pending;
    uint64 private pendingFrom;
    // Where the model of current and of pending can be fetched: a
    // checkpoint server's URL for it (docs/checkpoints.md), "" where none
    // was announced. Older ones are in the ModelAnnounced events.
    string private currentUrl;
    string private pendingUrl;

    /// @notice The longest model URL setModel takes.
    uint256 public constant MAX_URL_BYTES = 512;

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

    // A miner's window-file commitment: the records digest of the one file
    // it serves for a window, posted before the window's deadline block.
    // One per miner and window, never replaced, so a miner cannot serve
    // different files to different validators, and a file fetched late
    // can still be checked against what was fixed before the opening seed.
    // Only the latest is stored (its two slots overwritten window after
    // window: new slots are the dominant gas cost); the history is the
    // Committed events.
    struct Commitment {
        uint64 window;
        bool set;
        bytes32 digest;
    }

    mapping(address => Commitment) private commitments;

    /// @notice Windows between an unstake and the withdrawal it allows:
    /// a validator's stake stays answerable for its recent posts.
    uint64 public constant UNBONDING_WINDOWS = 4;

    // Stake is the chain's native value (no token contract to trust or
    // approve). Only bonded stake counts; unstaked value waits out the
    // unbonding delay before it can be withdrawn.
    struct Stake {
        uint256 bonded;
        uint256 unbonding;
        uint64 releaseWindow; // first window withdraw() pays the unbonding value
    }

    mapping(address => Stake) private stakes;

    event ParamsSet(uint64 fromWindow, bytes32 modelId, uint64 windowLength, uint32 groupSize, uint32 k, uint32 sampleNum, uint32 sampleDen, bytes32 beaconChain, uint64 staleWindows);
    event ModelAnnounced(uint64 indexed fromWindow, bytes32 indexed modelId, string url);
    event Registered(uint32 indexed uid, address indexed account, string endpoint, bool validator);
    event WeightsSet(address indexed validator, uint64 indexed window, uint32[] uids, uint16[] weights);
    event Committed(address indexed miner, uint64 indexed window, bytes32 digest);
    event Staked(address indexed account, uint256 amount, uint256 bonded);
    event Unstaked(address indexed account, uint256 amount, uint256 bonded, uint64 releaseWindow);
    event Withdrawn(address indexed account, uint256 amount);

    constructor(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) {
        require(windowLength_ > 0, "Subnet: window length must be positive");
        owner = msg.sender;
        windowLength = windowLength_;
        beaconChain = beaconChain_;
        current = _checked(modelId_, groupSize_, k_, sampleNum_, sampleDen_, staleWindows_);
        emit ParamsSet(0, modelId_, windowLength_, groupSize_, k_, sampleNum_, sampleDen_, beaconChain_, staleWindows_);
    }

    /// @notice Schedules new parameters for window currentWindow() +
    /// PARAMS_DELAY (returned); the window length and beacon chain cannot
    /// change, and one change at a time may be scheduled.
    function setParams(bytes32 modelId_, uint64 windowLength_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, bytes32 beaconChain_, uint64 staleWindows_) external returns (uint64 fromWindow) {
        require(msg.sender == owner, "Subnet: only the owner sets parameters");
        require(windowLength_ == windowLength, "Subnet: the window length is fixed at deployment");
        require(beaconChain_ == beaconChain, "Subnet: the beacon chain is fixed at deployment");
        (Params storage last, string storage lastUrl) = _latest();
        // A URL announced for a model says nothing about another one.
        string memory url = modelId_ == last.modelId ? lastUrl : "";
        return _schedule(_checked(modelId_, groupSize_, k_, sampleNum_, sampleDen_, staleWindows_), url);
    }

    /// @notice Schedules a new model, and where to fetch it, for window
    /// currentWindow() + PARAMS_DELAY (returned); the other parameters stay
    /// those last scheduled. The delay is the notice miners get to fetch it.
    function setModel(bytes32 modelId_, string calldata url) external returns (uint64 fromWindow) {
        require(msg.sender == owner, "Subnet: only the owner sets parameters");
        require(modelId_ != bytes32(0), "Subnet: no model id");
        require(bytes(url).length <= MAX_URL_BYTES, "Subnet: model URL too long");
        (Params storage last, ) = _latest();
        Params memory p = last;
        p.modelId = modelId_;
        return _schedule(p, url);
    }

    // The parameters last scheduled (in force or not yet).
    function _latest() private view returns (Params storage, string storage) {
        return pendingFrom != 0 ? (pending, pendingUrl) : (current, currentUrl);
    }

    function _schedule(Params memory p, string memory url) private returns (uint64 fromWindow) {
        uint64 cur = currentWindow();
        if (pendingFrom != 0) {
            require(cur >= pendingFrom, "Subnet: a parameter change is already scheduled");
            current = pending;
            currentFrom = pendingFrom;
            currentUrl = pendingUrl;
        }
        pending = p;
        pendingUrl = url;
        fromWindow = cur + PARAMS_DELAY;
        pendingFrom = fromWindow;
        emit ParamsSet(fromWindow, p.modelId, windowLength, p.groupSize, p.k, p.sampleNum, p.sampleDen, beaconChain, p.staleWindows);
        emit ModelAnnounced(fromWindow, p.modelId, url);
    }

    /// @notice Where the model of a window can be fetched ("" where none
    /// was announced); windows before the last change in force revert.
    function modelUrlAt(uint64 window) external view returns (string memory) {
        (, , , , , , uint64 from) = paramsAt(window);
        return pendingFrom != 0 && from == pendingFrom ? pendingUrl : currentUrl;
    }

    function _checked(bytes32 modelId_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, uint64 staleWindows_) private pure returns (Params memory) {
        require(groupSize_ > 0 && k_ > 0, "Subnet: group size and K must be positive");
        require(sampleDen_ > 0 && sampleNum_ <= sampleDen_, "Subnet: sample rate must be in [0, 1]");
        return Params(modelId_, groupSize_, k_, sampleNum_, sampleDen_, staleWindows_);
    }

    /// @notice The parameters of a window and the window they hold from.
    /// Windows before the last change in force revert: read the ParamsSet
    /// events for those.
    function paramsAt(uint64 window) public view returns (bytes32 modelId_, uint32 groupSize_, uint32 k_, uint32 sampleNum_, uint32 sampleDen_, uint64 staleWindows_, uint64 fromWindow) {
        Params storage p = current;
        fromWindow = currentFrom;
        if (pendingFrom != 0 && window >= pendingFrom) {
            p = pending;
            fromWindow = pendingFrom;
        }
        require(window >= fromWindow, "Subnet: older parameters are in the ParamsSet events");
        return (p.modelId, p.groupSize, p.k, p.sampleNum, p.sampleDen, p.staleWindows, fromWindow);
    }

    function _now() private view returns (Params storage) {
        return pendingFrom != 0 && currentWindow() >= pendingFrom ? pending : current;
    }

    // The parameters in force in the current window.
    function modelId() external view returns (bytes32) { return _now().modelId; }
    function groupSize() external view returns (uint32) { return _now().groupSize; }
    function k() external view returns (uint32) { return _now().k; }
    function sampleNum() external view returns (uint32) { return _now().sampleNum; }
    function sampleDen() external view returns (uint32) { return _now().sampleDen; }
    function staleWindows() external view returns (uint64) { return _now().staleWindows; }

    /// @notice Registers the caller (or updates its endpoint and role).
    function register(string calldata endpoint, bool asValidator) external returns (uint32 uid) {
        require(bytes(endpoint).length <= 256, "Subnet: endpoint longer than 256 bytes");
        uint256 u = uidPlusOne[msg.sender];
        if (u == 0) {
            require(verifier == address(0) || neurons.length < settleUids, "Subnet: registry full (settlement covers settleUids uids)");
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
        require(stakes[msg.sender].bonded > 0, "Subnet: caller has no bonded stake");
        require(uids.length == weights.length, "Subnet: uids and weights differ in length");
        require(uids.length <= neurons.length, "Subnet: more weights than registered neurons");
        uint64 cur = currentWindow();
        require(window < cur, "Subnet: window is not closed yet");
        require(window + _now().staleWindows >= cur, "Subnet: window is stale");
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
        if (verifier != address(0) && window / epochLength >= settleFrom) {
            _hashPost(window, uint32(u - 1), stakes[msg.sender].bonded, dense);
        }
    }

    /// @notice Commits the caller's window file for the current window: the
    /// file's records digest (its header's digest field). Only registered
    /// miners, only before the window's deadline block (the first block of
    /// the next window), once per window.
    function commit(uint64 window, bytes32 digest) external {
        uint256 u = uidPlusOne[msg.sender];
        require(u != 0 && !neurons[u - 1].validator, "Subnet: caller is not a registered miner");
        require(window == currentWindow(), "Subnet: commitments are for the current window, before its deadline");
        require(digest != bytes32(0), "Subnet: empty digest");
        Commitment storage c = commitments[msg.sender];
        require(!c.set || c.window != window, "Subnet: window already committed");
        c.window = window;
        c.set = true;
        c.digest = digest;
        emit Committed(msg.sender, window, digest);
    }

    /// @notice A miner's commitment for a window (zero: none) while it is
    /// the miner's latest; earlier ones are in the Committed events.
    function commitmentOf(address miner, uint64 window) external view returns (bytes32) {
        Commitment storage c = commitments[miner];
        return c.set && c.window == window ? c.digest : bytes32(0);
    }

    /// @notice Bonds the value sent as the caller's stake (registered
    /// validators only): a validator's weights count only while it has
    /// bonded stake.
    function stake() external payable {
        uint256 u = uidPlusOne[msg.sender];
        require(u != 0 && neurons[u - 1].validator, "Subnet: only registered validators stake");
        require(msg.value > 0, "Subnet: nothing to stake");
        Stake storage st = stakes[msg.sender];
        st.bonded += msg.value;
        require(st.bonded < MAX_STAKE, "Subnet: bonded stake must stay below 2^96 wei");
        emit Staked(msg.sender, msg.value, st.bonded);
    }

    /// @notice Starts unbonding amount of the caller's bonded stake; it can
    /// be withdrawn UNBONDING_WINDOWS windows from now (a later unstake
    /// moves the release of everything unbonding to its own).
    function unstake(uint256 amount) external {
        Stake storage st = stakes[msg.sender];
        require(amount > 0 && amount <= st.bonded, "Subnet: unstake more than is bonded");
        st.bonded -= amount;
        st.unbonding += amount;
        st.releaseWindow = currentWindow() + UNBONDING_WINDOWS;
        emit Unstaked(msg.sender, amount, st.bonded, st.releaseWindow);
    }

    /// @notice Pays the caller its unbonded stake once the delay is over.
    function withdraw() external {
        Stake storage st = stakes[msg.sender];
        require(st.unbonding > 0, "Subnet: nothing is unbonding");
        require(currentWindow() >= st.releaseWindow, "Subnet: stake is still unbonding");
        uint256 amount = st.unbonding;
        st.unbonding = 0;
        emit Withdrawn(msg.sender, amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "Subnet: transfer failed");
    }

    /// @notice An account's bonded and unbonding stake, and the window the
    /// unbonding value is released.
    function stakeOf(address account) external view returns (uint256 bonded, uint256 unbonding, uint64 releaseWindow) {
        Stake storage st = stakes[account];
        return (st.bonded, st.unbonding, st.releaseWindow);
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

    // ---- Beacon rounds verified on chain (EIP-2537 BLS12-381 precompiles) ----
    //
    // Anyone may submit a round of the network's drand chain (scheme
    // bls-unchained-g1-rfc9380: quicknet and the local dev beacon): its
    // signature is checked against the chain's public key, e(sig, g2) =
    // e(H(sha256(uint64be(round))), pk) with H the RFC 9380 hash to G1, and
    // its randomness sha256(compressed signature) is stored, so a seed's
    // randomness becomes a chain fact (docs/protocol.md §3).

    /// @notice The beacon chain's public key (G2, EIP-2537 encoding, 256
    /// bytes), set once by the owner; empty until then.
    bytes public beaconKey;
    mapping(uint64 => bytes32) private roundRandomness;

    event BeaconKeySet(bytes key);
    event BeaconStored(uint64 indexed round, bytes32 randomness);

    bytes private constant BEACON_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";
    // The BLS12-381 base field modulus p, and (p - 1) / 2 split into its top
    // 16 and low 32 bytes (a y above it is the "larger" root: the sign flag).
    bytes private constant FIELD_P = hex"1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";
    uint128 private constant HALF_P_HI = 0x0d0088f51cbff34d258dd3db21a5d66b;
    uint256 private constant HALF_P_LO = 0xb23ba5c279c2895fb39869507b587b120f55ffff58a9ffffdcff7fffffffd555;
    // -g2, the negated G2 generator, EIP-2537 encoding.
    bytes private constant NEG_G2 = hex"00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed";

    /// @notice Sets the beacon chain's public key, once (owner only).
    function setBeaconKey(bytes calldata key) external {
        require(msg.sender == owner, "Subnet: only the owner sets the beacon key");
        require(beaconKey.length == 0, "Subnet: beacon key already set");
        require(key.length == 256, "Subnet: beacon key must be a 256-byte G2 point (EIP-2537)");
        beaconKey = key;
        emit BeaconKeySet(key);
    }

    /// @notice Verifies round's BLS signature (G1, EIP-2537 encoding, 128
    /// bytes) and stores its randomness; returns it.
    function submitBeacon(uint64 round, bytes calldata sig) external returns (bytes32 randomness) {
        require(beaconKey.length == 256, "Subnet: no beacon key set");
        require(round > 0, "Subnet: round 0 is not a beacon");
        require(sig.length == 128, "Subnet: signature must be a 128-byte G1 point (EIP-2537)");
        require(roundRandomness[round] == bytes32(0), "Subnet: round already stored");
        bytes memory h = _hashToG1(sha256(abi.encodePacked(round)));
        (bool ok, bytes memory out) = address(0x0f).staticcall(abi.encodePacked(sig, NEG_G2, h, beaconKey));
        require(ok && out.length == 32 && uint256(bytes32(out)) == 1, "Subnet: bad beacon signature");
        randomness = sha256(_compressG1(sig));
        roundRandomness[round] = randomness;
        emit BeaconStored(round, randomness);
    }

    /// @notice A verified round's randomness (zero: not submitted).
    function beaconRandomness(uint64 round) external view returns (bytes32) {
        return roundRandomness[round];
    }

    // RFC 9380 hash_to_curve for G1 (expand_message_xmd with SHA-256, two
    // field elements): MAP_FP_TO_G1 maps and clears the cofactor of each,
    // and the sum of the two is the hash (the map's isogeny and the
    // cofactor clearing are homomorphisms).
    function _hashToG1(bytes32 msgHash) private view returns (bytes memory) {
        bytes memory dstPrime = abi.encodePacked(BEACON_DST, uint8(BEACON_DST.length));
        bytes32 b0 = sha256(abi.encodePacked(new bytes(64), msgHash, uint16(128), uint8(0), dstPrime));
        bytes32 b1 = sha256(abi.encodePacked(b0, uint8(1), dstPrime));
        bytes32 b2 = sha256(abi.encodePacked(b0 ^ b1, uint8(2), dstPrime));
        bytes32 b3 = sha256(abi.encodePacked(b0 ^ b2, uint8(3), dstPrime));
        bytes32 b4 = sha256(abi.encodePacked(b0 ^ b3, uint8(4), dstPrime));
        bytes memory q0 = _mapToG1(_modP(b1, b2));
        bytes memory q1 = _mapToG1(_modP(b3, b4));
        (bool ok, bytes memory sum) = address(0x0b).staticcall(abi.encodePacked(q0, q1));
        require(ok && sum.length == 128, "Subnet: G1ADD failed");
        return sum;
    }

    // The 64-byte big-endian number hi || lo reduced mod p (MODEXP, ^1).
    function _modP(bytes32 hi, bytes32 lo) private view returns (bytes memory) {
        (bool ok, bytes memory r) = address(0x05).staticcall(abi.encodePacked(uint256(64), uint256(1), uint256(48), hi, lo, uint8(1), FIELD_P));
        require(ok && r.length == 48, "Subnet: MODEXP failed");
        return r;
    }

    function _mapToG1(bytes memory fe) private view returns (bytes memory) {
        (bool ok, bytes memory pt) = address(0x10).staticcall(abi.encodePacked(bytes16(0), fe));
        require(ok && pt.length == 128, "Subnet: MAP_FP_TO_G1 failed");
        return pt;
    }

    // The 48-byte compressed form (ZCash flags) of a G1 point in EIP-2537
    // encoding that the pairing accepted: x with the compression flag, and
    // the sign flag where y is the larger root.
    function _compressG1(bytes calldata p) private pure returns (bytes memory c) {
        c = p[16:64];
        uint128 yHi = uint128(bytes16(p[80:96]));
        uint256 yLo = uint256(bytes32(p[96:128]));
        uint8 flags = 0x80;
        if (yHi > HALF_P_HI || (yHi == HALF_P_HI && yLo > HALF_P_LO)) {
            flags |= 0x20;
        }
        c[0] = bytes1(uint8(c[0]) | flags);
    }

    // ---- Settlement: epochs of consensus and emission, proven with gnark ----
    //
    // Once configured, every post of a window in a settled epoch is absorbed
    // into that window's running MiMC-BN254 state (uid, bonded stake, the
    // weights packed 15 to a field element; docs/protocol.md §8.5). Anyone may
    // then settle an epoch with a Groth16 proof (gnark's exported verifier)
    // whose public inputs are the digest of the epoch's window states and
    // post counts, the emission, the miners' share and every uid's payout;
    // the contract checks the proof and credits balances that their owners
    // claim. The consensus itself (validators × miners) is never computed
    // here.

    uint256 private constant SNARK_R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;
    uint256 public constant MAX_STAKE = 1 << 96;
    uint256 private constant MIMC_ROUNDS = 110;

    address public verifier; // zero: settlement not configured
    uint64 public epochLength; // windows an epoch
    uint32 public settleUids; // uids a proof covers; the registry is capped at it
    uint32 public settleValidators; // posts a window the circuit holds
    uint256 public emissionPerEpoch; // wei
    uint32 public minerBps; // miners' share of an epoch's emission
    uint64 public settleFrom; // the first epoch settled
    uint256 public pool; // value funded and not yet credited

    mapping(uint64 => uint256) private windowState;
    mapping(uint64 => uint32) private windowPosts;
    mapping(uint64 => bool) public settled;
    mapping(address => uint256) public balanceOf;

    event SettlementConfigured(address verifier, uint64 epochLength, uint32 uids, uint32 validators, uint256 emissionPerEpoch, uint32 minerBps, uint64 fromEpoch);
    event PostHashed(uint64 indexed window, uint32 indexed uid, uint256 stake, uint256 state);
    event Funded(address indexed from, uint256 amount, uint256 pool);
    event Settled(uint64 indexed epoch, uint256 digest, uint256 credited, uint256 carried);
    event Credited(uint64 indexed epoch, uint32 indexed uid, address indexed account, uint256 amount);
    event Claimed(address indexed account, uint256 amount);

    /// @notice Configures settlement once (owner only): the verifier of the
    /// circuit, its shape and the emission. Epochs from the next one on are
    /// settled; the registry must not already exceed uids_.
    function configureSettlement(address verifier_, uint64 epochLength_, uint32 uids_, uint32 validators_, uint256 emission_, uint32 minerBps_) external {
        require(msg.sender == owner, "Subnet: only the owner configures settlement");
        require(verifier == address(0), "Subnet: settlement already configured");
        require(verifier_ != address(0) && epochLength_ > 0 && uids_ > 0 && validators_ > 0, "Subnet: bad settlement configuration");
        require(neurons.length <= uids_, "Subnet: more neurons registered than settlement covers");
        require(emission_ < MAX_STAKE && minerBps_ <= 10000, "Subnet: emission at most 2^96 wei, miner share at most 10000 bps");
        verifier = verifier_;
        epochLength = epochLength_;
        settleUids = uids_;
        settleValidators = validators_;
        emissionPerEpoch = emission_;
        minerBps = minerBps_;
        settleFrom = currentWindow() / epochLength_ + 1;
        emit SettlementConfigured(verifier_, epochLength_, uids_, validators_, emission_, minerBps_, settleFrom);
    }

    /// @notice Adds the value sent to the emission pool.
    function fund() external payable {
        require(msg.value > 0, "Subnet: nothing to fund");
        pool += msg.value;
        emit Funded(msg.sender, msg.value, pool);
    }

    /// @notice A window's running post state and post count.
    function windowPostState(uint64 window) external view returns (uint256 state, uint32 posts) {
        return (windowState[window], windowPosts[window]);
    }

    function _hashPost(uint64 window, uint32 uid, uint256 bonded, uint16[] memory dense) private {
        require(!settled[window / epochLength], "Subnet: epoch already settled");
        require(windowPosts[window] < settleValidators, "Subnet: the window has all the posts settlement holds");
        uint256[110] memory c = _mimcConstants();
        uint256 h = _absorb(windowState[window], uid, c);
        h = _absorb(h, bonded, c);
        uint256 n = settleUids;
        for (uint256 j = 0; j * 15 < n; j++) {
            uint256 e = 0;
            for (uint256 i = 0; i < 15 && j * 15 + i < n; i++) {
                uint256 x = j * 15 + i;
                if (x < dense.length) e |= uint256(dense[x]) << (16 * i);
            }
            h = _absorb(h, e, c);
        }
        windowState[window] = h;
        windowPosts[window] += 1;
        emit PostHashed(window, uid, bonded, h);
    }

    /// @notice The digest a settlement of epoch proves over.
    function epochDigest(uint64 epoch) public view returns (uint256 h) {
        uint256[110] memory c = _mimcConstants();
        for (uint64 w = epoch * epochLength; w < (epoch + 1) * epochLength; w++) {
            h = _absorb(h, windowState[w], c);
            h = _absorb(h, windowPosts[w], c);
        }
    }

    /// @notice Settles an epoch once no post for it can come (its last window
    /// past the stale limit): proof is a Groth16 proof (EIP-197 order) that
    /// payouts (one per uid, settleUids of them) are the consensus payouts of
    /// the epoch's posts. Credits every uid's account and keeps the rest in
    /// the pool.
    function settle(uint64 epoch, uint256[8] calldata proof, uint256[] calldata payouts) external {
        require(verifier != address(0), "Subnet: settlement not configured");
        require(epoch >= settleFrom, "Subnet: epoch before settlement began");
        require(!settled[epoch], "Subnet: epoch already settled");
        require((epoch + 1) * epochLength + _now().staleWindows <= currentWindow(), "Subnet: the epoch can still receive posts");
        require(payouts.length == settleUids, "Subnet: one payout per uid");
        require(pool >= emissionPerEpoch, "Subnet: the emission pool holds less than an epoch's emission");
        uint256 digest = epochDigest(epoch);
        uint256 total = 0;
        for (uint256 u = 0; u < payouts.length; u++) {
            total += payouts[u];
            require(payouts[u] == 0 || u < neurons.length, "Subnet: payout to an unregistered uid");
        }
        require(total <= emissionPerEpoch, "Subnet: payouts exceed the emission");
        _verify(digest, proof, payouts);
        settled[epoch] = true;
        pool -= total;
        for (uint256 u = 0; u < payouts.length; u++) {
            if (payouts[u] == 0) continue;
            address a = neurons[u].account;
            balanceOf[a] += payouts[u];
            emit Credited(epoch, uint32(u), a, payouts[u]);
        }
        emit Settled(epoch, digest, total, emissionPerEpoch - total);
    }

    /// @notice Pays the caller its credited balance.
    function claim() external {
        uint256 amount = balanceOf[msg.sender];
        require(amount > 0, "Subnet: nothing to claim");
        balanceOf[msg.sender] = 0;
        emit Claimed(msg.sender, amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "Subnet: transfer failed");
    }

    // gnark's verifier: verifyProof(uint256[8], uint256[3 + settleUids])
    // reverts on a bad proof.
    function _verify(uint256 digest, uint256[8] calldata proof, uint256[] calldata payouts) private view {
        bytes4 sel = bytes4(keccak256(abi.encodePacked("verifyProof(uint256[8],uint256[", _decimal(3 + payouts.length), "])")));
        bytes memory input = abi.encodePacked(digest, emissionPerEpoch, uint256(minerBps), payouts);
        (bool ok, ) = verifier.staticcall(abi.encodePacked(sel, abi.encode(proof), input));
        require(ok, "Subnet: settlement proof does not verify");
    }

    function _decimal(uint256 v) private pure returns (bytes memory out) {
        if (v == 0) return "0";
        while (v > 0) {
            out = abi.encodePacked(bytes1(uint8(48 + (v % 10))), out);
            v /= 10;
        }
    }

    // MiMC-BN254 as gnark-crypto defines it: 110 rounds of x ← (x + h + c_i)^5
    // with c_0 = keccak(keccak("seed")), c_i = keccak(c_{i−1}) reduced mod r,
    // and the Miyaguchi–Preneel update h ← E_h(m) + h + m where E_h ends with
    // + h.
    function _mimcConstants() private pure returns (uint256[110] memory c) {
        assembly {
            mstore(0, 0x7365656400000000000000000000000000000000000000000000000000000000) // "seed"
            let r := keccak256(0, 4)
            for { let i := 0 } lt(i, MIMC_ROUNDS) { i := add(i, 1) } {
                mstore(0, r)
                r := keccak256(0, 32)
                mstore(add(c, mul(i, 32)), mod(r, SNARK_R))
            }
        }
    }

    function _absorb(uint256 h, uint256 m, uint256[110] memory c) private pure returns (uint256 out) {
        assembly {
            let x := m
            for { let i := 0 } lt(i, MIMC_ROUNDS) { i := add(i, 1) } {
                let t := addmod(addmod(x, h, SNARK_R), mload(add(c, mul(i, 32))), SNARK_R)
                let t2 := mulmod(t, t, SNARK_R)
                x := mulmod(mulmod(t2, t2, SNARK_R), t, SNARK_R)
            }
            x := addmod(x, h, SNARK_R)
            out := addmod(addmod(x, h, SNARK_R), m, SNARK_R)
        }
    }
}
