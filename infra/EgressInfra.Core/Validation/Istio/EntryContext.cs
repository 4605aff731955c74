using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// One ServiceEntry being validated: the values every rule family needs, read once (resolution,
/// parsed protocols, the set of port names), and the findings so far.
/// </summary>
internal sealed class EntryContext
{
    /// <summary>kubectl's and istioctl validate's namespace when a manifest names none.</summary>
    public const string DefaultNamespace = "default";

    private readonly string[] _portNames;
    private HashSet<string>? _portNameSet;

    public EntryContext(ServiceEntry entry, IstioValidationOptions options)
    {
        Entry = entry;
        Spec = entry.Spec;
        Options = options;
        Namespace = string.IsNullOrEmpty(entry.Metadata.Namespace) ? DefaultNamespace : entry.Metadata.Namespace;
        Resolution = IstioEnums.ParseResolution(Spec.Resolution);
        Location = IstioEnums.ParseLocation(Spec.Location);
        Labels = options.ConsiderMetadata ? entry.Metadata.Labels : ValueMap<string>.Empty;

        var ports = Spec.Ports;
        Protocols = new IstioProtocol[ports.Count];
        _portNames = new string[ports.Count];
        for (var i = 0; i < ports.Count; i++)
        {
            Protocols[i] = IstioProtocols.Parse(ports[i].Protocol);
            _portNames[i] = ports[i].Name ?? string.Empty;
        }
    }

    public ServiceEntry Entry { get; }

    public ServiceEntrySpec Spec { get; }

    public IstioValidationOptions Options { get; }

    /// <summary>The entry's namespace, or <see cref="DefaultNamespace"/>.</summary>
    public string Namespace { get; }

    public IstioResolution Resolution { get; }

    public IstioLocation Location { get; }

    /// <summary>The object's labels, or none when the options leave metadata out (istioctl analyze).</summary>
    public ValueMap<string> Labels { get; }

    /// <summary>Each port's protocol, parsed as Istio parses it; same order as <c>spec.ports</c>.</summary>
    public IstioProtocol[] Protocols { get; }

    public List<Diagnostic> Findings { get; } = [];

    /// <summary>The resolution as written, for messages ("not set, which means NONE" when omitted).</summary>
    public string ResolutionText => Spec.Resolution ?? "NONE";

    /// <summary>The port's name as Istio sees it (an omitted name is "").</summary>
    public string PortName(int index) => _portNames[index];

    /// <summary>Whether some service port has this name (Istio's <c>servicePorts</c> set).</summary>
    public bool HasPortName(string name)
    {
        if (_portNames.Length <= 16)
        {
            return Array.IndexOf(_portNames, name) >= 0;
        }

        _portNameSet ??= new HashSet<string>(_portNames, StringComparer.Ordinal);
        return _portNameSet.Contains(name);
    }

    /// <summary>How many distinct port names the entry declares.</summary>
    public int DistinctPortNameCount()
    {
        if (_portNames.Length <= 1)
        {
            return _portNames.Length;
        }

        _portNameSet ??= new HashSet<string>(_portNames, StringComparer.Ordinal);
        return _portNameSet.Count;
    }

    /// <summary>The declared port names, quoted, for messages.</summary>
    public string DescribePortNames() =>
        _portNames.Length == 0 ? "none" : string.Join(", ", _portNames.Select(static n => $"'{n}'"));

    public void Report(DiagnosticDescriptor descriptor, string path, string message, string? hint = null) =>
        Findings.Add(descriptor.Create(path, message, hint));
}
