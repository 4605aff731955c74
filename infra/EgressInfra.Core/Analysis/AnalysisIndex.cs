using System.Net.Sockets;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Analysis;

/// <summary>A host of an entry (<c>spec.hosts[Host]</c>).</summary>
internal readonly record struct HostItem(AnalyzedEntry Entry, int Host) : IEntryItem;

/// <summary>A host of an entry on one of its ports.</summary>
internal readonly record struct HostPortItem(AnalyzedEntry Entry, int Host, AnalyzedPort Port) : IEntryItem;

/// <summary>A port of an entry.</summary>
internal readonly record struct PortItem(AnalyzedEntry Entry, AnalyzedPort Port) : IEntryItem;

/// <summary>An address of an entry (<c>spec.addresses[Address]</c>) on one of its ports.</summary>
internal readonly record struct AddressItem(AnalyzedEntry Entry, int Address, AnalyzedPort Port, AddressRange Range) : IEntryItem;

/// <summary>
/// Everything the rules look up, built in one pass over the entries so that no rule compares
/// entries pairwise: entries by host, by host and port, opaque-TCP ports without addresses by port,
/// and parsed addresses by port and family, each split by export scope.
/// </summary>
internal sealed class AnalysisIndex
{
    private Dictionary<(string Host, long Port), ScopedGroup<HostPortItem>>? _byHostPort;

    private AnalysisIndex(IReadOnlyList<AnalyzedEntry> entries)
    {
        Entries = entries;
        Visible = entries.Where(e => !e.Scope.IsHidden).ToList();
    }

    public IReadOnlyList<AnalyzedEntry> Entries { get; }

    /// <summary>The entries some proxy sees (all but those exported to <c>~</c> only).</summary>
    public IReadOnlyList<AnalyzedEntry> Visible { get; }

    public Dictionary<string, ScopedGroup<HostItem>> ByHost { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The hosts and ports of the hosts whose entries could disagree about a port: hosts of several
    /// destinations, or of an entry that declares one port number twice. Built from <see cref="ByHost"/>
    /// on first use, so the quiet majority of hosts never gets a per-port key.
    /// </summary>
    public Dictionary<(string Host, long Port), ScopedGroup<HostPortItem>> ByHostPort => _byHostPort ??= BuildByHostPort();

    /// <summary>Ports whose listener is <c>0.0.0.0:port</c> with no routing key: TCP, Mongo/Redis/MySQL or unset, no addresses.</summary>
    public Dictionary<long, ScopedGroup<PortItem>> OpaquePortsWithoutAddresses { get; } = [];

    public Dictionary<(long Port, AddressFamily Family), ScopedGroup<AddressItem>> AddressesByPort { get; } = [];

    public static AnalysisIndex Build(IReadOnlyList<ServiceEntry> entries)
    {
        var destinations = new Dictionary<ServiceEntrySpec, int>();
        var analyzed = new AnalyzedEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var spec = entries[i].Spec;
            if (!destinations.TryGetValue(spec, out var destination))
            {
                destination = destinations.Count;
                destinations.Add(spec, destination);
            }

            analyzed[i] = new AnalyzedEntry(i, entries[i], destination);
        }

        LinkCopies(analyzed, destinations.Count);
        var index = new AnalysisIndex(analyzed);
        foreach (var entry in index.Visible)
        {
            index.Add(entry);
        }

        return index;
    }

    private static void LinkCopies(AnalyzedEntry[] entries, int destinations)
    {
        if (destinations == entries.Length)
        {
            return;
        }

        var byDestination = new Dictionary<string, AnalyzedEntry>[destinations];
        foreach (var entry in entries)
        {
            var copies = byDestination[entry.Destination] ??= new Dictionary<string, AnalyzedEntry>(StringComparer.Ordinal);
            copies.TryAdd(entry.Namespace, entry);
            entry.Copies = copies;
        }
    }

    private static ScopedGroup<T> GroupFor<TKey, T>(Dictionary<TKey, ScopedGroup<T>> map, TKey key)
        where TKey : notnull
        where T : IEntryItem
    {
        if (!map.TryGetValue(key, out var group))
        {
            group = new ScopedGroup<T>();
            map.Add(key, group);
        }

        return group;
    }

    private Dictionary<(string Host, long Port), ScopedGroup<HostPortItem>> BuildByHostPort()
    {
        var result = new Dictionary<(string Host, long Port), ScopedGroup<HostPortItem>>();
        foreach (var (host, group) in ByHost)
        {
            // Copies of one destination declare the same ports with the same protocols: no conflict,
            // unless the entry itself repeats a port number.
            if (!group.HasSeveral && !group.First.Entry.RepeatsPortNumber)
            {
                continue;
            }

            foreach (var item in group.Placed)
            {
                foreach (var port in item.Item.Entry.Ports)
                {
                    GroupFor(result, (host, port.Number)).Add(new HostPortItem(item.Item.Entry, item.Item.Host, port), item.Scope);
                }
            }
        }

        return result;
    }

    private void Add(AnalyzedEntry entry)
    {
        var scope = entry.Scope;
        var hosts = entry.Spec.Hosts;
        for (var h = 0; h < hosts.Count; h++)
        {
            GroupFor(ByHost, hosts[h]).Add(new HostItem(entry, h), scope);
        }

        if (!entry.HasAddresses)
        {
            foreach (var port in entry.Ports)
            {
                if (port.Family.IsOpaqueTcp())
                {
                    GroupFor(OpaquePortsWithoutAddresses, port.Number).Add(new PortItem(entry, port), scope);
                }
            }

            return;
        }

        var addresses = entry.Spec.Addresses;
        for (var a = 0; a < addresses.Count; a++)
        {
            if (!AddressRange.TryParse(addresses[a], out var range))
            {
                continue;
            }

            foreach (var port in entry.Ports)
            {
                GroupFor(AddressesByPort, (port.Number, range.Family)).Add(new AddressItem(entry, a, port, range), scope);
            }
        }
    }
}
