// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title The settlement rule computed directly in Solidity, for the gas
/// comparison in BENCHMARKS.md only (never deployed by the network).
/// @notice One window of docs/protocol.md §8.4: V posts, each a stake and
/// N uint16 weights packed 16 to a word (post v, uid u: word v*ceil(N/16)
/// + u/16, bits 16*(u%16)). Returns the miners' payouts by uid, then the
/// validators' by post. The posts come as calldata, so its gas is a lower
/// bound: a contract holding the posts would also read them from storage.
contract ConsensusDirect {
    function consensus(uint256[] calldata s, uint256 N, uint256[] calldata packed, uint256 emission, uint256 minerBps)
        external
        pure
        returns (uint256[] memory)
    {
        require(packed.length == s.length * ((N + 15) / 16), "ConsensusDirect: packed weights of another shape");
        uint256[] memory st = s;
        uint256[] memory agree = new uint256[](st.length);
        (uint256[] memory rank, uint256 sumR) = _ranks(st, N, packed, agree);
        return _payouts(st, rank, agree, sumR, emission * minerBps / 10000, emission - emission * minerBps / 10000);
    }

    function _ranks(uint256[] memory st, uint256 N, uint256[] calldata packed, uint256[] memory agree)
        private
        pure
        returns (uint256[] memory rank, uint256 sumR)
    {
        uint256 S = 0;
        for (uint256 v = 0; v < st.length; v++) S += st[v];
        rank = new uint256[](N);
        uint256[] memory w = new uint256[](st.length);
        for (uint256 u = 0; u < N; u++) {
            _load(packed, (N + 15) / 16, u, w);
            rank[u] = _clip(w, st, _median(w, st, S), agree);
            sumR += rank[u];
        }
    }

    function _load(uint256[] calldata packed, uint256 per, uint256 u, uint256[] memory w) private pure {
        for (uint256 v = 0; v < w.length; v++) w[v] = (packed[v * per + u / 16] >> (16 * (u % 16))) & 0xffff;
    }

    // Clips every post's weight at the consensus c, adds it to the post's
    // agreement and returns the uid's rank.
    function _clip(uint256[] memory w, uint256[] memory s, uint256 c, uint256[] memory agree) private pure returns (uint256 r) {
        for (uint256 v = 0; v < w.length; v++) {
            uint256 x = w[v] < c ? w[v] : c;
            agree[v] += x;
            r += s[v] * x;
        }
    }

    // The largest weight the posts holding more than half the stake post at
    // least.
    function _median(uint256[] memory w, uint256[] memory s, uint256 S) private pure returns (uint256 c) {
        for (uint256 j = 0; j < w.length; j++) {
            uint256 t = 0;
            for (uint256 i = 0; i < w.length; i++) if (w[i] >= w[j]) t += s[i];
            if (2 * t > S && w[j] > c) c = w[j];
        }
    }

    function _payouts(uint256[] memory s, uint256[] memory rank, uint256[] memory agree, uint256 sumR, uint256 em, uint256 ev)
        private
        pure
        returns (uint256[] memory out)
    {
        uint256 N = rank.length;
        out = new uint256[](N + s.length);
        for (uint256 u = 0; u < N; u++) out[u] = sumR == 0 ? 0 : (em * rank[u]) / sumR;
        uint256 sumSA = 0;
        for (uint256 v = 0; v < s.length; v++) sumSA += s[v] * agree[v];
        for (uint256 v = 0; v < s.length; v++) out[N + v] = sumSA == 0 ? 0 : (ev * s[v] * agree[v]) / sumSA;
    }
}
