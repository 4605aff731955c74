using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// One ServiceEntry with the facts every rule needs, computed once: Istio's defaults applied
/// (namespace <c>default</c>, resolution NONE, exportTo <c>*</c>) and protocols classified.
/// </summary>
internal sealed class AnalyzedEntry
{
    private string? _portSignature;
    private string? _displayName;

    public AnalyzedEntry(int index, ServiceEntry entry, int destination)
    {
        Index = index;
        Entry = entry;
        Namespace = entry.Metadata.Namespace ?? "default";
        Scope = ExportScope.Of(entry.Spec.ExportTo, Namespace);
        Resolution = string.IsNullOrEmpty(entry.Spec.Resolution) ? "NONE" : entry.Spec.Resolution;
        Destination = destination;
        var ports = new AnalyzedPort[entry.Spec.Ports.Count];
        for (var i = 0; i < ports.Length; i++)
        {
            ports[i] = new AnalyzedPort(i, entry.Spec.Ports[i]);
        }

        Ports = ports;
        for (var i = 1; i < ports.Length && !RepeatsPortNumber; i++)
        {
            for (var j = 0; j < i && !RepeatsPortNumber; j++)
            {
                RepeatsPortNumber = ports[i].Number == ports[j].Number;
            }
        }
    }

    /// <summary>True when two ports share a number (an Istio error, and IST0177 when protocols differ).</summary>
    public bool RepeatsPortNumber { get; }

    /// <summary>Position in the analysed list, as <see cref="EntryFinding.EntryIndex"/> reports it.</summary>
    public int Index { get; }

    public ServiceEntry Entry { get; }

    public ServiceEntrySpec Spec => Entry.Spec;

    public string Namespace { get; }

    /// <summary><c>ServiceEntry ns/name</c>, the name findings use.</summary>
    public string DisplayName => _displayName ??= $"{ServiceEntry.KindName} {Namespace}/{Entry.Metadata.Name}";

    public ExportScope Scope { get; }

    /// <summary>
    /// How a finding on <paramref name="viewer"/> names this entry: without the namespace when both
    /// share it, so the copies of one service in several namespaces get the same message (reported once).
    /// </summary>
    public string NameFor(AnalyzedEntry viewer)
    {
        var local = viewer.Namespace == Namespace ? this : Copies?.GetValueOrDefault(viewer.Namespace);
        return local is null ? DisplayName : $"{ServiceEntry.KindName} {local.Entry.Metadata.Name} in the same namespace";
    }

    /// <summary>Entries with the same spec by namespace, when there are several; null otherwise.</summary>
    public IReadOnlyDictionary<string, AnalyzedEntry>? Copies { get; set; }

    /// <summary>The resolution as written, or NONE when omitted.</summary>
    public string Resolution { get; }

    public bool ResolvesByHostHeader => Resolution == "NONE";

    public bool HasAddresses => Spec.Addresses.Count > 0;

    /// <summary>The first host, for messages that need an example.</summary>
    public string FirstHost => Spec.Hosts.Count > 0 ? Spec.Hosts[0] : "its host";

    /// <summary>
    /// Equal for entries with the same hosts, addresses and ports: the copies of one service placed
    /// in several namespaces. Copies reach the same destination, so they never conflict with each other.
    /// </summary>
    public int Destination { get; }

    public IReadOnlyList<AnalyzedPort> Ports { get; }

    /// <summary>The ports as a set of <c>number/PROTOCOL</c>, for comparing what two entries declare for a host.</summary>
    public string PortSignature => _portSignature ??= string.Join(
        ',',
        Ports.Select(p => $"{p.Number}/{p.ProtocolKey}").Order(StringComparer.Ordinal));

    /// <summary>Builds a finding on this entry, naming it as the pipeline expects.</summary>
    public EntryFinding Finding(Diagnostics.DiagnosticDescriptor descriptor, string path, string message, string? hint = null) =>
        new(Index, descriptor.Create(path, message, hint, resource: DisplayName));
}

/// <summary>One port of an analysed entry, with its protocol classified.</summary>
internal sealed class AnalyzedPort
{
    public AnalyzedPort(int index, ServicePort port)
    {
        Index = index;
        Port = port;
        ProtocolKey = ProtocolFamilies.Key(port.Protocol);
        Family = ProtocolFamilies.Of(port.Protocol);
    }

    public int Index { get; }

    public ServicePort Port { get; }

    public long Number => Port.Number;

    /// <summary>Upper-cased protocol, empty when unset.</summary>
    public string ProtocolKey { get; }

    public ProtocolFamily Family { get; }

    public string Path => $"spec.ports[{Index}]";

    /// <summary>The protocol field, or the port itself when the protocol is omitted.</summary>
    public string ProtocolPath => Port.Protocol is null ? Path : $"{Path}.protocol";

    public string Describe() => $"{Number}/{ProtocolFamilies.Describe(Port.Protocol)}";
}
