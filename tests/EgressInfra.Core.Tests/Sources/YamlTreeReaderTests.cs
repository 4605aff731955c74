using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Sources;

public class YamlTreeReaderTests
{
    [Fact]
    public void ReadSingle_NodesCarryFileLineAndColumn()
    {
        var doc = YamlTreeReader.ReadSingle("a:\n  b:\n    - 1\n    - x\n", "s.yaml");

        var item = ConfigPath.Locate(doc.Root, "a.b[1]");
        Assert.NotNull(item?.Location);
        Assert.Equal(("s.yaml", 4, 7), (item!.Location!.File, item.Location.Line, item.Location.Column));
    }

    [Theory]
    [InlineData("443", ScalarKind.Integer)]
    [InlineData("\"443\"", ScalarKind.String)]
    [InlineData("true", ScalarKind.Boolean)]
    [InlineData("yes", ScalarKind.String)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("1.5", ScalarKind.Float)]
    [InlineData("0x1F", ScalarKind.Integer)]
    [InlineData("api.stripe.com", ScalarKind.String)]
    public void Scalars_ResolveByYaml12CoreSchema(string text, ScalarKind expected)
    {
        var doc = YamlTreeReader.ReadSingle($"v: {text}\n", "s.yaml");

        Assert.Equal(expected, ((ScalarNode)((MappingNode)doc.Root!)["v"]!).Kind);
    }

    [Fact]
    public void DuplicateKey_IsReportedNotThrown()
    {
        var doc = YamlTreeReader.ReadSingle("a: 1\nb: 2\na: 3\n", "s.yaml");

        var problem = Assert.Single(doc.Problems);
        Assert.Equal("EGR006", problem.Code);
        Assert.Equal(3, problem.Location!.Line);
    }

    [Fact]
    public void SyntaxError_GivesLineAndNoRoot()
    {
        var doc = YamlTreeReader.ReadSingle("a:\n  b: [1, 2\nc: 3\n", "s.yaml");

        Assert.Null(doc.Root);
        Assert.Equal("EGR001", Assert.Single(doc.Problems).Code);
    }

    [Fact]
    public void TabIndentation_IsASyntaxErrorWithAHint()
    {
        var doc = YamlTreeReader.ReadSingle("a:\n\tb: 1\n", "s.yaml");

        var problem = Assert.Single(doc.Problems);
        Assert.Equal("EGR001", problem.Code);
        Assert.Contains("tabs", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_ABrokenDocumentLeavesTheOthersReadable()
    {
        var docs = YamlTreeReader.ReadAll("a: 1\n---\nb: [\n---\nc: 3\n", "m.yaml");

        Assert.Equal(3, docs.Count);
        Assert.NotNull(docs[0].Root);
        Assert.Null(docs[1].Root);
        Assert.Equal(3, docs[1].Problems[0].Location!.Line);
        Assert.Equal(5, ConfigPath.Locate(docs[2].Root, "c")!.Location!.Line);
    }

    [Fact]
    public void AliasBomb_IsStoppedWithADiagnostic()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }

        var doc = YamlTreeReader.ReadSingle(string.Join('\n', lines), "bomb.yaml");

        Assert.Null(doc.Root);
        Assert.Equal("EGR011", Assert.Single(doc.Problems).Code);
    }

    [Fact]
    public void DeepNesting_IsStoppedWithADiagnostic()
    {
        var text = "a: " + new string('[', 500) + new string(']', 500);

        var doc = YamlTreeReader.ReadSingle(text, "deep.yaml");

        Assert.Null(doc.Root);
        Assert.Contains(doc.Problems, p => p.Code == "EGR011");
    }

    // Paths are built only when a problem is reported; they must name the same place as before.
    [Fact]
    public void Problems_CarryTheConfigPathOfTheirNode()
    {
        var doc = YamlTreeReader.ReadSingle("config:\n  \"egress-infra:egress\":\n    services:\n      - name: a\n        ports:\n          - { number: 1, number: 2 }\n", "s.yaml");
        Assert.Equal("config[\"egress-infra:egress\"].services[0].ports[0].number", Assert.Single(doc.Problems).Path);

        var deep = YamlTreeReader.ReadSingle("a:\n  - b: " + new string('[', 200) + new string(']', 200), "deep.yaml");
        var path = Assert.Single(deep.Problems, p => p.Code == "EGR011").Path;
        Assert.StartsWith("a[0].b[0][0][0]", path, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleDocumentWithoutMarkers_KeepsLinesAndText()
    {
        var text = "a: 1\r\nb:\r\n  - x\n\n# end\n";

        var docs = YamlTreeReader.ReadAll(text, "s.yaml");

        var doc = Assert.Single(docs);
        Assert.Equal(1, doc.StartLine);
        Assert.Equal(3, ConfigPath.Locate(doc.Root, "b[0]")!.Location!.Line);
    }
}
