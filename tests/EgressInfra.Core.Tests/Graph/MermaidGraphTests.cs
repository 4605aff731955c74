using EgressInfra.Core.Graph;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Graph;

public class MermaidGraphTests
{
    private static Core.Config.StackConfig Config(string text) =>
        EgressPipeline.Evaluate(StackFile.Parse(text, "t.yaml")).Config!;

    [Fact]
    public void Prod_DrawsNamespacesToDestinationsWithServiceEdges()
    {
        var graph = MermaidGraph.Write(Config(RepoPaths.ReadText("Pulumi.prod.yaml")));

        Assert.Equal(
            """
            flowchart LR
              ns1(["orders (enforced)"])
              ns2(["payments (enforced)"])
              d1["10.42.8.15/32:5432/TCP"]
              d2["api.sendgrid.com:443/TLS"]
              d3["api.stripe.com:443/TLS"]
              d4["orders-db.prod.internal:5432/TCP"]
              ns1 -->|"orders-db, via gateway"| d1
              ns1 -->|"sendgrid-api, via gateway"| d2
              ns1 -->|"orders-db, via gateway"| d4
              ns2 -->|"stripe-api, via gateway"| d3
              classDef namespace fill:#e8f0fe,stroke:#3367d6
              class ns1,ns2 namespace

            """.ReplaceLineEndings("\n"),
            graph);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        var dev = Config(RepoPaths.ReadText("Pulumi.dev.yaml"));

        Assert.Equal(MermaidGraph.Write(dev), MermaidGraph.Write(dev));
    }

    [Fact]
    public void SharedDestination_IsOneNodeWithAnEdgePerNamespace()
    {
        var graph = MermaidGraph.Write(Config(StackText.WithServices("""
            - name: shared
              hosts: [api.example.com]
              ports: [{ number: 443, protocol: TLS }]
            """)));

        Assert.Single(graph.Split('\n'), l => l.Contains("[\"api.example.com:443/TLS\"]", StringComparison.Ordinal));
        Assert.Contains("ns1 -->|\"shared\"| d1", graph, StringComparison.Ordinal);
        Assert.Contains("ns2 -->|\"shared\"| d1", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowAny_AddsADashedEdgeToAnyDestination()
    {
        var graph = MermaidGraph.Write(Config(StackText.WithServices("[]", extraEgress: "outboundTrafficPolicy: ALLOW_ANY")));

        Assert.Contains("any{{\"any destination (ALLOW_ANY)\"}}", graph, StringComparison.Ordinal);
        Assert.Contains("ns1 -.->|\"PassthroughCluster\"| any", graph, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\"b", "a#quot;b")]
    [InlineData("<x> & #y", "#lt;x#gt; #amp; #35;y")]
    [InlineData("p|q`r", "p#124;q#96;r")]
    public void Escape_UsesMermaidEntityCodes(string label, string expected)
    {
        Assert.Equal(expected, MermaidGraph.Escape(label));
    }

    [Fact]
    public void Markdown_FencesTheDiagramWithTheTitleAsFrontMatter()
    {
        var markdown = MermaidGraph.WriteMarkdown(Config(RepoPaths.ReadText("Pulumi.prod.yaml")), "prod: egress");

        Assert.StartsWith("```mermaid\n---\ntitle: \"prod: egress\"\n---\nflowchart LR\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("```\n", markdown, StringComparison.Ordinal);
    }
}
