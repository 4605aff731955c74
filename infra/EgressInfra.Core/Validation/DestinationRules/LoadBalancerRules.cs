using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.DestinationRules;

/// <summary>validateLoadBalancer with ValidateLocalityLbSetting and ValidateZoneAwareLbSetting.</summary>
internal static class LoadBalancerRules
{
    private static readonly string[] TopologyLabels = ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"];

    public static void Check(MappingNode? lb, bool hasOutlier, string path, ObjectFindings f)
    {
        if (lb is null)
        {
            return;
        }

        if (SpecNode.Map(lb, "consistentHash") is { } hash)
        {
            CheckConsistentHash(hash, ConfigPath.Child(path, "consistentHash"), f);
        }

        var locality = SpecNode.Map(lb, "localityLbSetting");
        var zoneAware = SpecNode.Map(lb, "zoneAwareLbSetting");
        if (locality is not null && zoneAware is not null)
        {
            f.Add(EnforcementKindCodes.LoadBalancer, path, "only one of localityLbSetting and zoneAwareLbSetting can be set");
        }

        if (locality is not null)
        {
            CheckLocality(locality, hasOutlier, ConfigPath.Child(path, "localityLbSetting"), f);
        }

        if (zoneAware is not null)
        {
            CheckFailover(zoneAware, hasOutlier, ConfigPath.Child(path, "zoneAwareLbSetting"), f, zoneAware: true);
        }

        if (SpecNode.Map(lb, "warmup") is { } warmup)
        {
            var at = ConfigPath.Child(path, "warmup");
            if (!SpecNode.Has(warmup, "duration"))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(at, "duration"), "warmup needs a duration");
            }

            CommonRules.Duration(warmup, "duration", at, f);
            if (Wrapped(warmup, "minimumPercent") > 100)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(at, "minimumPercent"), "minimumPercent must be at most 100");
            }

            if (SpecNode.Has(warmup, "aggression") && Wrapped(warmup, "aggression") <= 0)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(at, "aggression"), "aggression must be greater than 0");
            }
        }
    }

    private static double Wrapped(MappingNode node, string key) => SpecNode.Number(node, key) ?? SpecNode.Number(SpecNode.Map(node, key), "value") ?? 0;

    private static void CheckConsistentHash(MappingNode hash, string path, ObjectFindings f)
    {
        if (SpecNode.Map(hash, "httpCookie") is { } cookie)
        {
            var at = ConfigPath.Child(path, "httpCookie");
            if (SpecNode.Text(cookie, "name").Length == 0)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(at, "name"), "httpCookie needs a name");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var attributes = SpecNode.Items(cookie, "attributes");
            for (var i = 0; i < attributes.Count; i++)
            {
                var name = SpecNode.Text(attributes[i], "name");
                var attrPath = ConfigPath.Index(ConfigPath.Child(at, "attributes"), i);
                if (name.Length == 0)
                {
                    f.Add(EnforcementKindCodes.LoadBalancer, attrPath, "a cookie attribute name cannot be empty");
                }
                else if (!seen.Add(name))
                {
                    f.Add(EnforcementKindCodes.LoadBalancer, attrPath, $"duplicate cookie attribute name: {name}");
                }
            }
        }

        var minimumRing = SpecNode.Integer(hash, "minimumRingSize") ?? 0;
        if (minimumRing != 0)
        {
            f.Add(EnforcementKindCodes.DestinationRuleWarning, ConfigPath.Child(path, "minimumRingSize"), "consistentHash.minimumRingSize is deprecated; use ringHash.minimumRingSize");
            if (SpecNode.Has(hash, "ringHash") || SpecNode.Has(hash, "maglev"))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(path, "minimumRingSize"), "only one of minimumRingSize and maglev/ringHash can be given");
            }
        }

        if (SpecNode.Map(hash, "maglev") is { } maglev)
        {
            var at = ConfigPath.Child(ConfigPath.Child(path, "maglev"), "tableSize");
            var size = SpecNode.Integer(maglev, "tableSize") ?? 0;
            if (size == 0)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, at, "maglev needs a tableSize");
            }

            if (size >= 5000011)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, at, "the maglev tableSize must be less than 5000011");
            }

            if (!IsPrime(size))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, at, "the maglev tableSize must be a prime number");
            }
        }
    }

    /// <summary>Envoy's primality test, which Istio copies (0 is not prime; 1, 2 and 3 are).</summary>
    private static bool IsPrime(long x)
    {
        if (x is > 0 and < 4)
        {
            return true;
        }

        if (x <= 0 || x % 2 == 0)
        {
            return false;
        }

        for (long factor = 3; factor * factor <= x; factor += 2)
        {
            if (x % factor == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckLocality(MappingNode lb, bool hasOutlier, string path, ObjectFindings f)
    {
        var distribute = SpecNode.Items(lb, "distribute");
        var failover = SpecNode.Items(lb, "failover");
        if (distribute.Count > 0 && failover.Count > 0)
        {
            f.Add(EnforcementKindCodes.LoadBalancer, path, "distribute and failover cannot both be given");
            return;
        }

        if (failover.Count > 0)
        {
            var topology = SpecNode.Strings(lb, "failoverPriority").FirstOrDefault(p => TopologyLabels.Contains(p, StringComparer.Ordinal));
            if (topology is not null)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(path, "failoverPriority"), $"failover and the topology label '{topology}' in failoverPriority cannot both be given");
                return;
            }
        }

        var sources = new List<string>();
        for (var i = 0; i < distribute.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "distribute"), i);
            sources.Add(SpecNode.Text(distribute[i], "from"));
            long total = 0;
            var destinations = new List<string>();
            foreach (var (locality, weightNode) in SpecNode.Map(distribute[i], "to")?.Entries ?? [])
            {
                var weight = SpecNode.AsInteger(weightNode) ?? 0;
                if (weight is <= 0 or > 100)
                {
                    f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(ConfigPath.Child(at, "to"), locality.Text), "a locality weight must be in the range 1..100");
                    return;
                }

                total += weight;
                destinations.Add(locality.Text);
            }

            if (total != 100)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(at, "to"), $"the locality weights add up to {total}, not 100");
                return;
            }

            CheckLocalities(destinations, ConfigPath.Child(at, "to"), f);
        }

        CheckLocalities(sources, ConfigPath.Child(path, "distribute"), f);
        CheckFailover(lb, hasOutlier, path, f, zoneAware: false);
    }

    private static void CheckFailover(MappingNode lb, bool hasOutlier, string path, ObjectFindings f, bool zoneAware)
    {
        var priorities = SpecNode.Strings(lb, "failoverPriority");
        if (zoneAware)
        {
            foreach (var label in priorities.Where(p => TopologyLabels.Contains(p, StringComparer.Ordinal)))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, ConfigPath.Child(path, "failoverPriority"), $"failoverPriority of a zone-aware load balancer must not use the topology label '{label}'");
            }
        }

        var failover = SpecNode.Items(lb, "failover");
        if ((failover.Count > 0 || priorities.Count > 0) && !hasOutlier)
        {
            f.Add(EnforcementKindCodes.DestinationRuleWarning, path, "failover needs an outlier detection policy");
        }

        for (var i = 0; i < failover.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "failover"), i);
            var from = SpecNode.Text(failover[i], "from");
            var to = SpecNode.Text(failover[i], "to");
            if (from == to)
            {
                f.Add(EnforcementKindCodes.LoadBalancer, at, "failover must name different regions");
            }

            if (from.Contains('/', StringComparison.Ordinal) || to.Contains('/', StringComparison.Ordinal))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, at, "failover names regions only");
            }

            if (from.Contains('*', StringComparison.Ordinal) || to.Contains('*', StringComparison.Ordinal))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, at, "a failover region cannot contain the '*' wildcard");
            }
        }
    }

    /// <summary>validateLocalities: region[/zone[/subzone]], one trailing '*' at most, no overlaps.</summary>
    private static void CheckLocalities(List<string> localities, string path, ObjectFindings f)
    {
        var seen = new List<string[]>();
        foreach (var locality in localities)
        {
            var stars = locality.Count(c => c == '*');
            if (stars > 1 || (stars == 1 && !locality.EndsWith('*')))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, path, $"locality {locality}: at most one '*' wildcard, and only at the end");
                return;
            }

            var parts = locality.Split('/', 3);
            if (parts.Any(p => p.Length == 0))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, path, $"locality {locality} must not have an empty region, zone or subzone");
                return;
            }

            var key = parts[^1] == "*" ? parts[..^1] : parts;
            if (seen.Any(s => IsPrefix(s, key) || IsPrefix(key, s)))
            {
                f.Add(EnforcementKindCodes.LoadBalancer, path, $"locality {locality} overlaps with one given before");
                return;
            }

            seen.Add(key);
        }
    }

    private static bool IsPrefix(string[] a, string[] b) => a.Length <= b.Length && a.AsSpan().SequenceEqual(b.AsSpan(0, a.Length));
}
