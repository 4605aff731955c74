using System.Globalization;
using System.Text;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Learn;

/// <summary>
/// The smallest config that allows what the logs saw: one service per host (or address), exact names,
/// only the ports seen, granted only to the namespaces that used it; judged by the restrictive profile
/// so that what it would refuse is said, not proposed silently.
/// </summary>
public static class FragmentProposal
{
    public const string OwnerPlaceholder = "<team>";

    public static IReadOnlyList<LearnedService> Services(IEnumerable<LearnedDestination> destinations, IEnumerable<string>? reservedNames = null)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        var byTarget = new SortedDictionary<string, LearnedService>(StringComparer.Ordinal);
        var used = new HashSet<string>(reservedNames ?? [], StringComparer.Ordinal);
        foreach (var destination in destinations.OrderBy(d => d.Target, StringComparer.Ordinal).ThenBy(d => d.Namespace, StringComparer.Ordinal).ThenBy(d => d.Port))
        {
            if (byTarget.TryGetValue(destination.Target, out var service))
            {
                service.Seen.Add(destination);
                continue;
            }

            var baseName = Label(destination.Host is null ? $"ip-{destination.Address}" : destination.Host);
            var name = baseName;
            for (var i = 2; !used.Add(name); i++)
            {
                name = $"{baseName[..Math.Min(baseName.Length, 58)]}-{i.ToString(CultureInfo.InvariantCulture)}";
            }

            byTarget[destination.Target] = new LearnedService(name, destination);
        }

        var services = byTarget.Values.ToList();
        Judge(services);
        return services;
    }

    /// <summary>The services as config items (owner left to the fragment), in the binder's shape.</summary>
    public static MappingNode Item(LearnedService service, string? owner = null)
    {
        var entries = new List<(string, ConfigNode)>
        {
            ("name", S(service.Name)),
            ("hosts", new SequenceNode([S(service.HostName)])),
        };
        if (service.Address is not null)
        {
            entries.Add(("addresses", new SequenceNode([S(service.Address)])));
        }

        entries.Add(("ports", new SequenceNode([.. service.Ports.Select(p => (ConfigNode)Map(("number", I(p.Port)), ("protocol", S(p.Protocol.Name()))))])));
        entries.Add(("resolution", S(service.Address is null ? "DNS" : "NONE")));
        entries.Add(("namespaces", new SequenceNode([.. service.Namespaces.Select(n => (ConfigNode)S(n))])));
        if (owner is not null)
        {
            entries.Add(("owner", S(owner)));
        }

        var ports = string.Join(", ", service.Ports.Select(p => p.Port.ToString(CultureInfo.InvariantCulture)));
        entries.Add(("reason", S($"<why {string.Join(", ", service.Namespaces)} need {service.Host ?? service.Address}:{ports}>")));
        return Map([.. entries]);
    }

    /// <summary>The fragment text: owner, then each service under comments saying what was seen and what the restrictive profile says.</summary>
    public static string Write(IReadOnlyList<LearnedService> services, LearnResult result, string owner)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Learned by `egressctl learn` from {result.Lines} log lines: {result.Learned} to unknown destinations, {result.OtherClusters} to known services or inbound, {result.MalformedCount} malformed and skipped.\n");
        sb.Append("# A fragment for egress.include: fill in owner and each reason; review every service marked REFUSED.\n");
        sb.Append("owner: ").Append(YamlWriter.QuoteIfNeeded(owner)).Append('\n');
        if (services.Count == 0)
        {
            return sb.Append("services: []\n").ToString();
        }

        sb.Append("services:\n");
        foreach (var service in services)
        {
            foreach (var seen in service.Seen)
            {
                var via = (seen.Passthrough > 0 ? $"{seen.Passthrough} through {TrafficLearner.PassthroughCluster} (allowed, ALLOW_ANY)" : string.Empty)
                    + (seen.Passthrough > 0 && seen.BlackHole > 0 ? ", " : string.Empty)
                    + (seen.BlackHole > 0 ? $"{seen.BlackHole} through {TrafficLearner.BlackHoleCluster} (refused, REGISTRY_ONLY)" : string.Empty);
                sb.Append(CultureInfo.InvariantCulture, $"# {seen.Namespace} -> {seen.Target}:{seen.Port}/{seen.Protocol.Name()}: seen {(seen.Count == 1 ? "once" : $"{seen.Count} times")}, {via}; first {Time(seen.FirstSeen)}, last {Time(seen.LastSeen)}\n");
            }

            if (service.Host is null)
            {
                sb.Append("# no host name was seen (no TLS SNI, no HTTP authority): only the address; replace the .invalid host with the real name\n");
            }

            foreach (var refusal in service.Refusals)
            {
                sb.Append("# REFUSED by the restrictive profile: ").Append(refusal.Replace('\n', ' ')).Append('\n');
            }

            sb.Append(YamlWriter.Write(new SequenceNode([Item(service)])));
        }

        return sb.ToString();
    }

    /// <summary>Evaluates the services as a prod stack would (restrictive) and keeps each profile rule's refusal; owner and reason are placeholders the fragment's author fills in, so owner-and-reason is not a refusal here.</summary>
    private static void Judge(List<LearnedService> services)
    {
        if (services.Count == 0)
        {
            return;
        }

        var namespaces = services.SelectMany(s => s.Namespaces).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var config = Map(
            ("environment", S("prod")),
            ("profile", S("restrictive")),
            ("egress", Map(
                ("namespaces", new SequenceNode([.. namespaces.Select(n => (ConfigNode)S(n))])),
                ("services", new SequenceNode([.. services.Select(s => (ConfigNode)Item(s, "learned"))])))));
        var plan = EgressPipeline.Evaluate(config);
        for (var i = 0; i < services.Count; i++)
        {
            var prefix = ConfigPath.Index("egress.services", i);
            services[i].Refusals.AddRange(plan.Diagnostics
                .Where(d => d.IsError && d.Code.StartsWith("EGR3", StringComparison.Ordinal) && d.Code != PolicyCodes.OwnerAndReason.Code && (d.Path == prefix || d.Path.StartsWith(prefix + ".", StringComparison.Ordinal) || d.Path.StartsWith(prefix + "[", StringComparison.Ordinal)))
                .Select(d => $"{d.Code} {d.Message}")
                .Distinct(StringComparer.Ordinal));
        }
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Label(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
            if (ok || (sb.Length > 0 && sb[^1] != '-'))
            {
                sb.Append(ok ? c : '-');
            }
        }

        var label = sb.ToString().Trim('-');
        label = label.Length > 63 ? label[..63].TrimEnd('-') : label;
        return label.Length == 0 ? "destination" : label;
    }

    private static ScalarNode S(string text) => new(text, ScalarKind.String);

    private static ScalarNode I(int value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static MappingNode Map(params (string Key, ConfigNode Value)[] entries) =>
        new([.. entries.Select(e => new KeyValuePair<ScalarNode, ConfigNode>(S(e.Key), e.Value))]);
}
