using EgressInfra.Core.Analysis;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// The address ranges a service reaches, as the policy rules count them: every item with its zone
/// dropped, and every IPv6 item that embeds IPv4 (IPv4-mapped <c>::ffff:…</c>, NAT64
/// <c>64:ff9b::/96</c>) also as the IPv4 range it reaches, so that no spelling hides a range.
/// </summary>
internal static class PolicyAddresses
{
    /// <summary>One range a service reaches and the <c>addresses</c> item it comes from.</summary>
    /// <param name="ViaIpv6">The IPv6 item when the range is the IPv4 view of it.</param>
    public readonly record struct Reached(int Index, string Text, AddressRange Range, bool ViaIpv6);

    public static IReadOnlyList<Reached> Of(ExternalService service)
    {
        var result = new List<Reached>();
        for (var i = 0; i < service.Addresses.Count; i++)
        {
            var text = service.Addresses[i];
            if (!AddressRange.TryParseIgnoringZone(text, out var range))
            {
                continue;
            }

            result.Add(new Reached(i, text, range, false));
            if (range.Ipv4View() is { } v4)
            {
                result.Add(new Reached(i, text, v4, true));
            }
        }

        return result;
    }

    /// <summary>
    /// Whether Istio's sidecar matches every destination of the item's port for this address item,
    /// whatever its prefix says. A single address becomes the listener's own address, and 0.0.0.0 or ::
    /// there is the wildcard listener of the port; a CIDR block becomes a filter-chain prefix range
    /// from the block's written address, and Istio leaves out a range whose address is 0.0.0.0
    /// (pilot/pkg/networking/core: buildSidecarOutboundListener, filterChainOpts.toFilterChainMatch),
    /// so <c>0.0.0.0/24</c> or <c>0.0.0.0/32</c> leaves the chain without any address match.
    /// </summary>
    public static bool IsIstioWildcard(string text, AddressRange range)
    {
        if (range.Written != 0)
        {
            return false;
        }

        return !range.IsIPv6 || !text.Contains('/', StringComparison.Ordinal);
    }

    /// <summary>One run of a family's ranges merged where they overlap or touch, with the items in it.</summary>
    public sealed record Run(AddressRange Range, IReadOnlyList<Reached> Items)
    {
        public UInt128 Size => Range.Size;
    }

    /// <summary>The union of <paramref name="reached"/>, per family, as maximal runs of adjacent or overlapping ranges.</summary>
    public static IReadOnlyList<Run> Union(IEnumerable<Reached> reached)
    {
        var runs = new List<Run>();
        foreach (var family in reached.GroupBy(r => r.Range.Family))
        {
            // By start, then the widest first, in one key: ThenByDescending is a generic virtual call that
            // the Native AOT runtime resolves at its first use, at every start (EgressManifests.Sorted).
            var sorted = family.OrderBy(r => (r.Range.Start, UInt128.MaxValue - r.Range.End)).ToList();
            var items = new List<Reached>();
            UInt128 start = 0, end = 0;
            foreach (var item in sorted)
            {
                if (items.Count > 0 && (end == UInt128.MaxValue || item.Range.Start <= end + 1))
                {
                    items.Add(item);
                    end = item.Range.End > end ? item.Range.End : end;
                    continue;
                }

                if (items.Count > 0)
                {
                    runs.Add(Close(family.Key, start, end, items));
                }

                items = [item];
                start = item.Range.Start;
                end = item.Range.End;
            }

            if (items.Count > 0)
            {
                runs.Add(Close(family.Key, start, end, items));
            }
        }

        return runs;
    }

    /// <summary>The number of addresses in a range of <paramref name="prefix"/> bits in a family of <paramref name="bits"/>.</summary>
    public static UInt128 SizeOf(int bits, int prefix) =>
        bits - prefix >= 128 ? UInt128.MaxValue : UInt128.One << (bits - prefix);

    private static Run Close(System.Net.Sockets.AddressFamily family, UInt128 start, UInt128 end, List<Reached> items)
    {
        var bits = family == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        var size = end - start == UInt128.MaxValue ? UInt128.MaxValue : end - start + 1;
        var prefix = bits;
        while (prefix > 0 && SizeOf(bits, prefix) < size)
        {
            prefix--;
        }

        return new Run(new AddressRange(family, start, end) { PrefixLength = prefix, Written = start }, items);
    }
}
