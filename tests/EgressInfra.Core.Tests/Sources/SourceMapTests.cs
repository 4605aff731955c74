using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Sources;

/// <summary>
/// The pipeline locates findings from a <see cref="SourceMap"/> instead of the parse tree: every path,
/// written or missing, must land where <see cref="ConfigPath.LocateSource"/> on the tree lands.
/// </summary>
public class SourceMapTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string> { "Pulumi.dev.yaml", "Pulumi.prod.yaml" };
        var corpus = RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus");
        foreach (var dir in new[] { "stacks", "good-stacks" })
        {
            var path = Path.Combine(corpus, dir);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetRelativePath(RepoPaths.Root, file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryPathOfAStackFile_IsLocatedAsOnTheTree(string file)
    {
        var root = YamlTreeReader.ReadSingle(File.ReadAllText(RepoPaths.File(file)), file).Root;
        if (root is null)
        {
            return;
        }

        AssertSameEverywhere(root);
    }

    [Fact]
    public void AliasesMergeKeysAndDuplicates_AreLocatedAsOnTheTree()
    {
        const string text = """
            base: &base
              ports: [{ number: 443, protocol: TLS }]
              owner: team-a
            services:
              - <<: *base
                name: a
                owner: team-b
              - *base
              - name: c
                name: d
            list: &list [x, y]
            again: *list
            """;
        var root = YamlTreeReader.ReadSingle(text, "aliases.yaml").Root!;

        AssertSameEverywhere(root);
        Assert.Equal(2, SourceMap.Of(root).Locate("services[1].ports[0].protocol")!.Line);
    }

    [Fact]
    public void ALongMapping_FindsTheFirstOfARepeatedKey()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}: {i}").Append("k7: again");
        var root = YamlTreeReader.ReadSingle(string.Join('\n', keys), "long.yaml").Root!;

        AssertSameEverywhere(root);
        Assert.Equal(8, SourceMap.Of(root).Locate("k7")!.Line);
    }

    [Fact]
    public void NodesFromNoFile_HaveNoLocation_AndFragmentsKeepTheirOwnFile()
    {
        var fragment = YamlTreeReader.ReadSingle("hosts: [a.example.com]\n", "fragments/team.yaml").Root!;
        var root = new MappingNode(
        [
            new(new ScalarNode("egress", ScalarKind.String), fragment),
            new(new ScalarNode("name", ScalarKind.String), new ScalarNode("x", ScalarKind.String)),
        ]);
        var map = SourceMap.Of(root);

        AssertSameEverywhere(root);
        Assert.Null(map.Locate("name"));
        Assert.Equal("fragments/team.yaml", map.Locate("egress.hosts[0]")!.File);
    }

    private static void AssertSameEverywhere(ConfigNode root)
    {
        var map = SourceMap.Of(root);
        foreach (var path in Paths(root, string.Empty))
        {
            Assert.Equal(ConfigPath.LocateSource(root, path), map.Locate(path));
        }
    }

    /// <summary>Every written path, and for each node a missing key and a missing index below it.</summary>
    private static IEnumerable<string> Paths(ConfigNode node, string path)
    {
        yield return path;
        yield return ConfigPath.Child(path, "missing");
        yield return ConfigPath.Index(path, 99);
        var children = node switch
        {
            MappingNode map => map.Entries.Select(e => (ConfigPath.Child(path, e.Key.Text), e.Value)),
            SequenceNode seq => seq.Items.Select((item, i) => (ConfigPath.Index(path, i), item)),
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            foreach (var below in Paths(child, childPath))
            {
                yield return below;
            }
        }
    }
}
