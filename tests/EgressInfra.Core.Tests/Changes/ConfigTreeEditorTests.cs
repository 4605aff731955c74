using EgressInfra.Core.Changes;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Changes;

public class ConfigTreeEditorTests
{
    private static MappingNode Tree() => (MappingNode)YamlTreeReader.ReadSingle("""
        egress:
          namespaces: [a]
          services:
            - name: x
              ports: [{ number: 80, protocol: HTTP }]
        """, "t.yaml").Root!;

    private static ScalarNode Str(string s) => new(s, ScalarKind.String);

    [Fact]
    public void Apply_IndexAtTheEnd_AppendsToTheList()
    {
        var edited = ConfigTreeEditor.Apply(Tree(), new ConfigEdit("egress.namespaces[1]", Str("b"), "add b"));

        var namespaces = (SequenceNode)ConfigPath.Locate(edited, "egress.namespaces")!;
        Assert.Equal(["a", "b"], namespaces.Items.Cast<ScalarNode>().Select(s => s.Text));
    }

    [Fact]
    public void Apply_ExistingPath_ReplacesTheValueAndKeepsOtherNodesAndTheirLines()
    {
        var tree = Tree();

        var edited = ConfigTreeEditor.Apply(tree, new ConfigEdit("egress.services[0].ports[0].protocol", Str("TLS"), "tls"));

        var port = (MappingNode)ConfigPath.Locate(edited, "egress.services[0].ports[0]")!;
        Assert.Equal("TLS", ((ScalarNode)port["protocol"]!).Text);
        Assert.Same(ConfigPath.Locate(tree, "egress.namespaces"), ConfigPath.Locate(edited, "egress.namespaces"));
        Assert.Equal(5, ConfigPath.Locate(edited, "egress.services[0].ports")!.Location!.Line);
    }

    [Fact]
    public void Apply_MissingKeys_AreCreated()
    {
        var edited = ConfigTreeEditor.Apply(Tree(), new ConfigEdit("egress.services[0].namespaces[0]", Str("a"), "grant"));

        Assert.Equal(1, ConfigTreeEditor.Count(edited, "egress.services[0].namespaces"));
        Assert.True(ConfigTreeEditor.Has(edited, "egress.services[0].namespaces"));
        Assert.False(ConfigTreeEditor.Has(Tree(), "egress.services[0].namespaces"));
    }

    [Fact]
    public void Apply_IndexPastTheEnd_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConfigTreeEditor.Apply(Tree(), new ConfigEdit("egress.namespaces[5]", Str("b"), "gap")));
    }

    [Fact]
    public void Apply_LeavesTheOriginalTreeUnchanged()
    {
        var tree = Tree();

        _ = ConfigTreeEditor.Apply(tree, new ConfigEdit("egress.namespaces[1]", Str("b"), "add b"));

        Assert.Equal(1, ConfigTreeEditor.Count(tree, "egress.namespaces"));
    }
}
