using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Probe;

/// <summary>
/// The probe of each governed namespace in ambient mode, where no Sidecar names the namespaces: the
/// pod's traffic goes through ztunnel, and to the waypoint for the entries bound to it. A namespace
/// reaches what the entries' ALLOW policies grant it (<see cref="ManifestBuilder.AllowedDestinations"/>),
/// and must be refused the entries granted only to other namespaces (the waypoint's policy) and, with
/// a NetworkPolicy, every undeclared destination (ztunnel sends those straight out, where the
/// NetworkPolicy drops them).
/// </summary>
public static class AmbientProbePlanner
{
    public static ValueList<ProbePlan> Plan(EgressManifests manifests, EgressConfig egress, ProbeConfig probe)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(probe);
        if (!probe.Enabled)
        {
            return ValueList<ProbePlan>.Empty;
        }

        var allowed = ManifestBuilder.AllowedDestinations(manifests);
        var governed = egress.Namespaces.Distinct().Order(StringComparer.Ordinal).ToList();
        return governed.Select(ns => PlanNamespace(manifests, allowed, governed, ns, probe)).ToValueList();
    }

    private static ProbePlan PlanNamespace(
        EgressManifests manifests,
        IReadOnlyDictionary<string, IReadOnlyList<string>> allowed,
        IReadOnlyList<string> governed,
        string ns,
        ProbeConfig probe)
    {
        var mine = allowed.TryGetValue(ns, out var own) ? own.ToHashSet(StringComparer.Ordinal) : [];
        var checks = new List<ProbeCheck>();
        var skipped = new List<string>();
        foreach (var d in ProbePlanner.Destinations(manifests.ServiceEntries).Where(d => mine.Contains(ProbePlanner.Label(d.Host, d.Port, d.Protocol))))
        {
            var label = ProbePlanner.Label(d.Host, d.Port, d.Protocol);
            if (Skip(d.Host, d.Protocol) is { } why)
            {
                skipped.Add($"{label}: {why}");
                continue;
            }

            var method = ProbePlanner.MethodFor(d.Protocol)!.Value;

            // Resolution NONE: the waypoint passes the connection to the address dialled; ambient
            // refuses NONE without addresses (EGR373), so each declared single address is dialled.
            if (d.Resolution == "NONE" && d.Addresses.Count > 0)
            {
                var singles = d.Addresses.Select(ProbePlanner.SingleAddress).OfType<string>().ToList();
                checks.AddRange(singles.Select(ip => new ProbeCheck(ProbeCheckKind.Allow, method, ip, d.Port, d.Protocol, $"allow {label} at {ip}", ServiceHost: d.Host)));
                if (singles.Count < d.Addresses.Count)
                {
                    checks.Add(new ProbeCheck(ProbeCheckKind.Allow, method, d.Host, d.Port, d.Protocol, $"allow {label}", ServiceHost: d.Host));
                }

                continue;
            }

            checks.Add(new ProbeCheck(ProbeCheckKind.Allow, method, d.Host, d.Port, d.Protocol, $"allow {label}"));
        }

        AddDenyChecks(manifests, allowed, governed, ns, mine, probe, checks, skipped);
        var hash = PolicyHash.Compute(manifests.PolicyOf(ns));
        var checkList = checks.ToValueList();
        var skippedList = skipped.ToValueList();
        return new ProbePlan(ns, hash, checkList, skippedList, probe, ProbeScript.WriteAmbient(ns, hash, checkList, skippedList, probe)) { Ambient = true };
    }

    /// <summary>Why a destination cannot be tried from an ambient pod; null when it can.</summary>
    private static string? Skip(string host, string protocol) => ProbePlanner.MethodFor(protocol) switch
    {
        _ when host.Contains('*', StringComparison.Ordinal) => "a wildcard host names no single destination to try",
        null => $"{protocol} offers no connection to try",

        // A sidecar's counters show an upstream connection; ambient has none in the pod. ztunnel
        // accepts the connection in the pod itself and keeps its counters on the node, so an open
        // connection proves nothing and only a server that speaks first would.
        ProbeMethod.Tcp => "opaque TCP: ztunnel accepts every connection inside the pod and its counters are not there, so nothing short of the protocol's own client proves the destination answered",
        _ => null,
    };

    private static void AddDenyChecks(
        EgressManifests manifests,
        IReadOnlyDictionary<string, IReadOnlyList<string>> allowed,
        IReadOnlyList<string> governed,
        string ns,
        HashSet<string> mine,
        ProbeConfig probe,
        List<ProbeCheck> checks,
        List<string> skipped)
    {
        var tried = checks.ToList();

        // The waypoint's per-entry ALLOW policy: an entry granted to other governed namespaces only
        // is refused to this one (403 RBAC: access denied on HTTP, a reset on TLS).
        var others = governed.Where(o => o != ns && allowed.ContainsKey(o)).SelectMany(o => allowed[o]).ToHashSet(StringComparer.Ordinal);
        var foreign = ProbePlanner.Destinations(manifests.ServiceEntries)
            .Where(d => d.Resolution != "NONE" && Skip(d.Host, d.Protocol) is null && !mine.Contains(ProbePlanner.Label(d.Host, d.Port, d.Protocol)))
            .Where(d => others.Contains(ProbePlanner.Label(d.Host, d.Port, d.Protocol)) && !mine.Any(m => m.StartsWith(d.Host + ":", StringComparison.Ordinal)))
            .Cast<(string Host, long Port, string Protocol, string? Resolution, IReadOnlyList<string> Addresses)?>()
            .FirstOrDefault();
        if (foreign is { } f)
        {
            var label = ProbePlanner.Label(f.Host, f.Port, f.Protocol);
            checks.Add(new ProbeCheck(ProbeCheckKind.Deny, ProbePlanner.MethodFor(f.Protocol)!.Value, f.Host, f.Port, f.Protocol, $"deny {label}, granted to other namespaces only"));
        }
        else
        {
            skipped.Add("deny another namespace's destination: no HTTP or TLS entry is granted to other governed namespaces only");
        }

        skipped.Add("deny spoofed Host header and SNI: ztunnel picks the destination by the address dialled, not by the name, so a declared name sent to another address is an undeclared destination, which the deny undeclared host checks cover where a NetworkPolicy fences the namespace");
        if (!manifests.InNamespace(ns).Any(o => o is NetworkPolicy))
        {
            skipped.Add("deny undeclared host and port: no NetworkPolicy in this namespace, so ztunnel sends undeclared destinations straight out (posture observed)");
            return;
        }

        var denied = probe.DeniedHost;
        checks.Add(new ProbeCheck(ProbeCheckKind.Deny, ProbeMethod.Http, denied, 80, "HTTP", $"deny undeclared host {ProbePlanner.Label(denied, 80, "HTTP")}"));
        checks.Add(new ProbeCheck(ProbeCheckKind.Deny, ProbeMethod.Tls, denied, 443, "TLS", $"deny undeclared host {ProbePlanner.Label(denied, 443, "TLS")}"));
        var declaredPorts = manifests.ServiceEntries.SelectMany(e => e.Spec.Ports.Select(p => p.Number)).ToHashSet();
        var free = ProbePlanner.UndeclaredPortCandidates.Where(p => !declaredPorts.Contains(p)).Cast<long?>().FirstOrDefault();
        if (tried.FirstOrDefault(c => c.ServiceHost is null) is { } first && free is { } port)
        {
            checks.Add(new ProbeCheck(ProbeCheckKind.Deny, first.Method, first.Host, port, first.Protocol, $"deny undeclared port {ProbePlanner.Label(first.Host, port, first.Protocol)}"));
        }
        else
        {
            skipped.Add("deny undeclared port: no declared HTTP or TLS host to try it on");
        }
    }
}
