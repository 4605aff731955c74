using System.Globalization;
using CsCheck;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Properties;

/// <summary>A generated service: the fields a stack author writes most.</summary>
internal sealed record GeneratedService(string Name, string[] Hosts, (int Number, string Protocol)[] Ports, string[] Namespaces);

/// <summary>A generated stack: namespaces and services, plus a seed that drives reordering.</summary>
internal sealed record GeneratedStack(string[] Namespaces, GeneratedService[] Services, int ShuffleSeed)
{
    /// <summary>The stack as a config tree, with every list in the order given.</summary>
    public MappingNode ToTree() => Map(
        ("environment", Str("dev")),
        ("egress", Map(
            ("namespaces", Seq(Namespaces.Select(Str))),
            ("services", Seq(Services.Select(s => (ConfigNode)Map(
                ("name", Str(s.Name)),
                ("hosts", Seq(s.Hosts.Select(Str))),
                ("ports", Seq(s.Ports.Select(p => (ConfigNode)Map(("number", Int(p.Number)), ("protocol", Str(p.Protocol)))))),
                ("namespaces", Seq(s.Namespaces.Select(Str))))))))));

    /// <summary>The same stack with every list whose order carries no meaning permuted.</summary>
    public GeneratedStack Shuffled()
    {
        var random = new Random(ShuffleSeed);
        T[] Shuffle<T>(T[] items) => [.. items.OrderBy(_ => random.Next())];
        return this with
        {
            Namespaces = Shuffle(Namespaces),
            Services = Shuffle(Services.Select(s => s with { Hosts = Shuffle(s.Hosts), Ports = Shuffle(s.Ports), Namespaces = Shuffle(s.Namespaces) }).ToArray()),
        };
    }

    public string ToYaml() => "config:\n" + string.Concat(YamlIndent(EgressInfra.Core.Manifests.YamlWriter.Write(Map(
        ("egress-infra:environment", Str("dev")),
        ("egress-infra:egress", ToTree()["egress"]!)))));

    private static IEnumerable<string> YamlIndent(string text) => text.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n");

    private static ScalarNode Str(string s) => new(s, ScalarKind.String);

    private static ScalarNode Int(int n) => new(n.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static SequenceNode Seq(IEnumerable<ConfigNode> items) => new([.. items]);

    private static MappingNode Map(params (string Key, ConfigNode Value)[] entries) =>
        new([.. entries.Select(e => new KeyValuePair<ScalarNode, ConfigNode>(Str(e.Key), e.Value))]);
}

internal static class StackGenerators
{
    private static readonly string[] Protocols = ["HTTP", "HTTPS", "TLS", "TCP", "GRPC", "HTTP2", "tls", "Mongo"];
    private static readonly string[] Tlds = ["com", "net", "io", "example", "internal"];

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 6]
        .Select(s => "h" + s);

    private static readonly Gen<string> Host = Gen.Select(Label, Label, Pick(Tlds), (a, b, tld) => $"{a}.{b}.{tld}");

    private static readonly Gen<(int, string)> Port = Gen.Select(Gen.Int[1, 65535], Pick(Protocols), (n, p) => (n, p));

    /// <summary>Stacks that are well-formed by construction (unique names, hosts and port numbers per service).</summary>
    public static readonly Gen<GeneratedStack> WellFormedStack =
        from namespaceCount in Gen.Int[1, 3]
        from serviceCount in Gen.Int[0, 6]
        from services in Gen.Select(Host.ArrayUnique[1, 3], Port.Array[1, 3], Gen.Int[1, 7], (hosts, ports, mask) => (hosts, ports, mask)).Array[serviceCount]
        from seed in Gen.Int
        select Build(namespaceCount, services, seed);

    private static GeneratedStack Build(int namespaceCount, (string[] Hosts, (int, string)[] Ports, int Mask)[] services, int seed)
    {
        var namespaces = Enumerable.Range(0, namespaceCount).Select(i => $"ns{i}").ToArray();
        var generated = services.Select((s, i) =>
        {
            var used = namespaces.Where((_, bit) => (s.Mask & (1 << bit)) != 0).ToArray();
            var ports = s.Ports.GroupBy(p => p.Item1).Select(g => g.First()).ToArray();
            return new GeneratedService($"svc{i}", s.Hosts, ports, used.Length == 0 ? [namespaces[0]] : used);
        }).ToArray();
        return new GeneratedStack(namespaces, generated, seed);
    }

    /// <summary>Arbitrary trees, mostly made of the schema's own keys so that they reach deep into the binder.</summary>
    public static readonly Gen<MappingNode> ArbitraryProjectConfig = Gen.Int.Select(seed => RandomTree(new Random(seed)));

    private static readonly string[] Keys =
    [
        "environment", "profile", "egress", "namespaces", "services", "name", "hosts", "addresses", "ports", "number",
        "protocol", "targetPort", "resolution", "location", "exportTo", "endpoints", "address", "labels", "weight",
        "owner", "reason", "outboundTrafficPolicy", "sidecarImports", "subjectAltNames", "network", "bogus", "",
    ];

    private static readonly string[] Scalars =
    [
        "dev", "prod", "staging", "qa", "TLS", "HTTP", "tcp", "DNS", "NONE", "STATIC", "DNS_ROUND_ROBIN", "DYNAMIC_DNS",
        "MESH_EXTERNAL", "REGISTRY_ONLY", "ALLOW_ANY", "*", ".", "~", "*.example.com", "a.example.com", "10.0.0.1",
        "10.0.0.0/8", "::1", "unix:///var/run/x.sock", "0", "443", "-1", "99999999999999999999", "", "ns0", "svc",
        "https://x.com/y", "bücher.example", "\t", "a b",
    ];

    private static MappingNode RandomTree(Random random)
    {
        var root = RandomMap(random, 0);
        return root;
    }

    private static ConfigNode RandomNode(Random random, int depth) => random.Next(depth > 5 ? 2 : 6) switch
    {
        0 => new ScalarNode(Scalars[random.Next(Scalars.Length)], ScalarKind.String),
        1 => new ScalarNode(random.Next(-10, 70000).ToString(CultureInfo.InvariantCulture), ScalarKind.Integer),
        2 or 3 => RandomMap(random, depth + 1),
        4 => new SequenceNode([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomNode(random, depth + 1))]),
        _ => new ScalarNode(string.Empty, random.Next(2) == 0 ? ScalarKind.Null : ScalarKind.Boolean),
    };

    private static MappingNode RandomMap(Random random, int depth) =>
        new([.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => new KeyValuePair<ScalarNode, ConfigNode>(
            new ScalarNode(Keys[random.Next(Keys.Length)], ScalarKind.String),
            RandomNode(random, depth + 1)))]);
}
