using EgressInfra.Core.Changes;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Changes;

public class ChangeSnippetsTests
{
    [Fact]
    public void Yaml_ListItemAndKey_AreShownAsTheyArePasted()
    {
        Assert.Equal("- orders\n", ChangeSnippets.Yaml(new ConfigEdit("egress.services[0].namespaces[1]", new ScalarNode("orders", ScalarKind.String), "x")));
        Assert.Equal("protocol: TLS\n", ChangeSnippets.Yaml(new ConfigEdit("egress.services[0].ports[0].protocol", new ScalarNode("TLS", ScalarKind.String), "x")));
    }

    [Fact]
    public void PulumiCommands_TypeIntegersAndQuoteTextWithSpaces()
    {
        var port = new MappingNode([
            new(new ScalarNode("number", ScalarKind.String), new ScalarNode("8443", ScalarKind.Integer)),
            new(new ScalarNode("name", ScalarKind.String), new ScalarNode("it's tls", ScalarKind.String)),
        ]);

        var commands = ChangeSnippets.PulumiCommands(new ConfigEdit("egress.services[0].ports[1]", port, "x"));

        Assert.Equal(
            [
                "pulumi config set --path 'egress.services[0].ports[1].number' 8443 --type int",
                "pulumi config set --path 'egress.services[0].ports[1].name' 'it'\\''s tls'",
            ],
            commands);
    }
}
