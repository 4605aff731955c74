using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Probe;

/// <summary>
/// Decides what the probe of each governed namespace tries: every allowed destination (each must be
/// reached) and, where the Sidecar is REGISTRY_ONLY, a few attempts the mesh must stop: an undeclared
/// host, a declared host on an undeclared port, and a declared HTTP host's name sent to another address.
/// </summary>
public static class ProbePlanner
{
    /// <summary>Uncommon ports, tried in order, for "declared host, undeclared port".</summary>
    internal static readonly long[] UndeclaredPortCandidates = [8443, 9443, 10443, 8080, 8081, 9080];

    /// <summary>The probes of a stack, by its mode: per Sidecar in the sidecar and gateway modes, per governed namespace in ambient.</summary>
    public static ValueList<ProbePlan> Plan(EgressManifests manifests, StackConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Egress.Mode == EgressMode.Ambient
            ? AmbientProbePlanner.Plan(manifests, config.Egress, config.Probe)
            : Plan(manifests, config.Probe);
    }

    /// <summary>One probe per Sidecar (the sidecar and gateway modes).</summary>
    public static ValueList<ProbePlan> Plan(EgressManifests manifests, ProbeConfig probe)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(probe);
        if (!probe.Enabled)
        {
            return ValueList<ProbePlan>.Empty;
        }

        return manifests.Sidecars
            .OrderBy(s => s.Metadata.Namespace, StringComparer.Ordinal)
            .Select(sidecar => PlanNamespace(manifests, sidecar, probe))
            .ToValueList();
    }

    private static ProbePlan PlanNamespace(EgressManifests manifests, Sidecar sidecar, ProbeConfig probe)
    {
        var ns = sidecar.Metadata.Namespace!;
        var entries = manifests.ServiceEntries.Where(e => e.Metadata.Namespace == ns).ToList();
        var checks = new List<ProbeCheck>();
        var skipped = new List<string>();

        foreach (var (host, port, protocol, resolution, addresses) in Destinations(entries))
        {
            var label = Label(host, port, protocol);
            if (host.Contains('*', StringComparison.Ordinal))
            {
                skipped.Add($"{label}: a wildcard host names no single destination to try");
                continue;
            }

            if (MethodFor(protocol) is not { } method)
            {
                skipped.Add($"{label}: {protocol} offers no connection to try");
                continue;
            }

            // Resolution NONE: the proxy matches the address the client dialled, and the name need not
            // resolve at all; dial each declared address and count on the host's proxy cluster.
            // A range names no single address: the host's own name is dialled, and the client's DNS
            // answer must fall in a declared range for the proxy to pass it on.
            if (resolution == "NONE" && addresses.Count > 0)
            {
                var singles = addresses.Select(SingleAddress).OfType<string>().ToList();
                foreach (var ip in singles)
                {
                    checks.Add(new ProbeCheck(ProbeCheckKind.Allow, method, ip, port, protocol, $"allow {label} at {ip}", ServiceHost: host));
                }

                if (singles.Count < addresses.Count)
                {
                    checks.Add(new ProbeCheck(ProbeCheckKind.Allow, method, host, port, protocol, $"allow {label}", ServiceHost: host));
                }

                continue;
            }

            checks.Add(new ProbeCheck(ProbeCheckKind.Allow, method, host, port, protocol, $"allow {label}"));
        }

        if (string.Equals(sidecar.Spec.OutboundTrafficPolicy, "REGISTRY_ONLY", StringComparison.Ordinal))
        {
            AddDenyChecks(entries, probe, checks, skipped);
        }
        else
        {
            skipped.Add($"deny checks: outbound policy {sidecar.Spec.OutboundTrafficPolicy} lets undeclared destinations through by design");
        }

        var hash = PolicyHash.Compute(manifests.PolicyOf(ns));
        var checkList = checks.ToValueList();
        var skippedList = skipped.ToValueList();
        var bypass = BypassChecks(manifests, ns).ToValueList();
        return new ProbePlan(ns, hash, checkList, skippedList, probe, ProbeScript.Write(ns, hash, checkList, skippedList, probe))
        {
            BypassChecks = bypass,
            BypassScript = bypass.Count == 0 ? null : ProbeScript.WriteBypass(ns, hash, bypass, probe),
        };
    }

    /// <summary>
    /// Where the namespace has a NetworkPolicy and reaches a destination through the egress gateway (a
    /// VirtualService exported to it routes mesh traffic elsewhere), one direct connection per such
    /// destination, first port: the NetworkPolicy must drop it.
    /// </summary>
    private static IEnumerable<ProbeCheck> BypassChecks(EgressManifests manifests, string ns)
    {
        if (!manifests.InNamespace(ns).Any(o => o is NetworkPolicy))
        {
            yield break;
        }

        var routed = manifests.OfKind<VirtualService>()
            .Where(v => v.Metadata.Namespace != ns && v.Spec.ExportTo.Contains(ns, StringComparer.Ordinal) && v.Spec.Gateways.Contains(VirtualService.MeshGateway, StringComparer.Ordinal));
        foreach (var vs in routed)
        {
            var port = vs.Spec.Http.Select(r => r.Match.Count > 0 ? r.Match[0].Port : null)
                .Concat(vs.Spec.Tls.Select(r => r.Match.Count > 0 ? r.Match[0].Port : null))
                .Concat(vs.Spec.Tcp.Select(r => r.Match.Count > 0 ? r.Match[0].Port : null))
                .FirstOrDefault(p => p is not null);
            var host = vs.Spec.Hosts.FirstOrDefault(h => !h.Contains('*', StringComparison.Ordinal));
            if (port is { } number && host is not null)
            {
                yield return new ProbeCheck(
                    ProbeCheckKind.Bypass,
                    ProbeMethod.DirectConnect,
                    host,
                    number,
                    "TCP",
                    string.Create(CultureInfo.InvariantCulture, $"bypass {host}:{number} directly, skipping the sidecar and the egress gateway"));
            }
        }
    }

    private static void AddDenyChecks(IReadOnlyList<ServiceEntry> entries, ProbeConfig probe, List<ProbeCheck> checks, List<string> skipped)
    {
        var allowed = checks.ToList();
        var denied = probe.DeniedHost;
        checks.Add(new ProbeCheck(ProbeCheckKind.Deny, ProbeMethod.Http, denied, 80, "HTTP", $"deny undeclared host {Label(denied, 80, "HTTP")}"));
        checks.Add(new ProbeCheck(ProbeCheckKind.Deny, ProbeMethod.Tls, denied, 443, "TLS", $"deny undeclared host {Label(denied, 443, "TLS")}"));

        var declaredPorts = entries.SelectMany(e => e.Spec.Ports.Select(p => p.Number)).ToHashSet();
        var free = UndeclaredPortCandidates.Where(p => !declaredPorts.Contains(p)).Cast<long?>().FirstOrDefault();
        if (allowed.FirstOrDefault() is { } first && free is { } port)
        {
            checks.Add(new ProbeCheck(ProbeCheckKind.Deny, first.Method, first.Host, port, first.Protocol, $"deny undeclared port {Label(first.Host, port, first.Protocol)}"));
        }
        else
        {
            skipped.Add("deny undeclared port: no declared host to try it on");
        }

        // Only an HTTP listener routes by the Host header; with resolution NONE it would forward to
        // whatever address the client dialled (the Host-header spoofing weakness).
        if (allowed.FirstOrDefault(c => c.Method == ProbeMethod.Http) is { } http)
        {
            var headerHost = http.Port == 80 ? http.Host : string.Create(CultureInfo.InvariantCulture, $"{http.Host}:{http.Port}");
            checks.Add(new ProbeCheck(
                ProbeCheckKind.Deny,
                ProbeMethod.SpoofedHostHeader,
                probe.SpoofAddress,
                http.Port,
                http.Protocol,
                $"deny spoofed Host header {headerHost} sent to {Label(probe.SpoofAddress, http.Port, http.Protocol)}",
                headerHost));
        }

        // A TLS listener routes by SNI to the declared host's endpoints. Resolution NONE forwards to the
        // dialled address by design, so only entries the proxy resolves itself can be tried.
        if (allowed.FirstOrDefault(c => c.Method == ProbeMethod.Tls && c.ServiceHost is null && ResolvedByProxy(entries, c.Host)) is { } tls)
        {
            checks.Add(new ProbeCheck(
                ProbeCheckKind.Deny,
                ProbeMethod.SpoofedSni,
                probe.SpoofAddress,
                tls.Port,
                tls.Protocol,
                $"deny spoofed SNI {Label(tls.Host, tls.Port, tls.Protocol)} sent to {probe.SpoofAddress}",
                tls.Host));
        }
        else
        {
            skipped.Add("deny spoofed SNI: no TLS host that the proxy resolves itself (resolution NONE forwards to the dialled address)");
        }
    }

    internal static bool ResolvedByProxy(IEnumerable<ServiceEntry> entries, string host) =>
        entries.Where(e => e.Spec.Hosts.Contains(host)).All(e => e.Spec.Resolution is not null and not "NONE");

    /// <summary>The address itself for a single address (<c>10.0.0.1</c>, <c>10.0.0.1/32</c>, <c>::1/128</c>); null for a wider range.</summary>
    public static string? SingleAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return address;
        }

        var ip = address[..slash];
        var bits = address[(slash + 1)..];
        var full = ip.Contains(':', StringComparison.Ordinal) ? "128" : "32";
        return bits == full ? ip : null;
    }

    /// <summary>Every host and port the entries declare, once each, sorted as <c>host:port/PROTOCOL</c> sorts.</summary>
    internal static IEnumerable<(string Host, long Port, string Protocol, string? Resolution, IReadOnlyList<string> Addresses)> Destinations(IEnumerable<ServiceEntry> entries) =>
        entries
            .SelectMany(e => e.Spec.Hosts.SelectMany(h => e.Spec.Ports.Select(p => (Host: h, Port: p.Number, Protocol: p.Protocol ?? "TCP", e.Spec.Resolution, Addresses: (IReadOnlyList<string>)[.. e.Spec.Addresses]))))
            .DistinctBy(d => Label(d.Host, d.Port, d.Protocol), StringComparer.Ordinal)
            .OrderBy(d => Label(d.Host, d.Port, d.Protocol), StringComparer.Ordinal);

    /// <summary>The method that shows whether a port of this Istio protocol was reached; null when none can (UDP).</summary>
    public static ProbeMethod? MethodFor(string protocol) => protocol.ToUpperInvariant() switch
    {
        "HTTP" or "HTTP2" or "GRPC" or "GRPC-WEB" or "HTTP_PROXY" => ProbeMethod.Http,
        "HTTPS" or "TLS" => ProbeMethod.Tls,
        "UDP" => null,
        _ => ProbeMethod.Tcp,
    };

    internal static string Label(string host, long port, string protocol) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}:{port}/{protocol}");
}
