using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Import;

/// <summary>What a ServiceEntry grants, in two forms: a key that groups entries granting the same, and the destinations diff compares.</summary>
internal static class Grants
{
    /// <summary>Everything that decides where traffic may go; names, labels, annotations and exportTo left out.</summary>
    public static string Key(ServiceEntrySpec spec)
    {
        var ports = spec.Ports
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Number}/{Protocol(p)?.Name() ?? p.Protocol}>{p.TargetPort ?? 0}"))
            .Order(StringComparer.Ordinal);
        var endpoints = spec.Endpoints
            .Select(e => string.Join(',', new[] { e.Address ?? string.Empty, e.Network ?? string.Empty, e.Locality ?? string.Empty, e.Weight?.ToString(CultureInfo.InvariantCulture) ?? string.Empty }
                .Concat(e.Ports.Select(p => $"{p.Key}={p.Value}")).Concat(e.Labels.Select(l => $"{l.Key}:{l.Value}"))))
            .Order(StringComparer.Ordinal);
        return string.Join('|',
            Join(spec.Hosts), Join(spec.Addresses), string.Join(' ', ports),
            Resolution(spec).Name(), Location(spec).Name(), string.Join(' ', endpoints), Join(spec.SubjectAltNames));
    }

    public static ServiceResolution Resolution(ServiceEntrySpec spec) =>
        spec.Resolution is { Length: > 0 } r && IstioNames.Resolutions.TryGetValue(r, out var value) ? value : ServiceResolution.None;

    public static ServiceLocation Location(ServiceEntrySpec spec) =>
        spec.Location is { Length: > 0 } l && IstioNames.Locations.TryGetValue(l, out var value) ? value : ServiceLocation.MeshExternal;

    /// <summary>The port's protocol; when unset, Istio's reading of the port name's prefix (<c>http-api</c>), else TCP.</summary>
    public static ServiceProtocol? Protocol(ServicePort port)
    {
        if (port.Protocol is { Length: > 0 } written)
        {
            return IstioNames.Protocols.TryGetValue(written, out var p) ? p : null;
        }

        var prefix = (port.Name ?? string.Empty).Split('-')[0];
        return IstioNames.Protocols.TryGetValue(prefix, out var named) ? named : ServiceProtocol.Tcp;
    }

    /// <summary>As <see cref="Diff.EgressSnapshot.DestinationsOf"/> lists them for a service: host or address, port, protocol.</summary>
    public static IEnumerable<string> Destinations(ServiceEntrySpec spec)
    {
        foreach (var port in spec.Ports)
        {
            if (Protocol(port) is not { } protocol)
            {
                continue;
            }

            var suffix = string.Create(CultureInfo.InvariantCulture, $":{port.Number}/{protocol.Name()}");
            foreach (var target in spec.Hosts.Concat(spec.Addresses))
            {
                yield return target + suffix;
            }

            if (spec.Addresses.Count == 0 && Resolution(spec) == ServiceResolution.None && ProtocolFamilies.Of(protocol) == ProtocolFamily.Tcp)
            {
                yield return "*" + suffix;
            }
        }
    }

    private static string Join(IEnumerable<string> values) => string.Join(' ', values.Order(StringComparer.Ordinal));
}
