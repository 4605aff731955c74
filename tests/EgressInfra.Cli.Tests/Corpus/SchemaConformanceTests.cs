using System.Text.Json.Nodes;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;
using Json.Schema;

namespace EgressInfra.Cli.Tests.Corpus;

/// <summary>
/// The committed JSON Schemas and the binder never disagree: the shipped stacks and the awkward but
/// valid corpus pass a standard validator (JsonSchema.Net), and a value the schema's patterns refuse
/// is refused by check too.
/// </summary>
public class SchemaConformanceTests
{
    private static readonly Lazy<(JsonSchema Stack, EvaluationOptions Options)> Schemas = new(Load);

    private static (JsonSchema, EvaluationOptions) Load()
    {
        // The committed files carry no $id; a base URI for each lets stack's "$ref": "egress.schema.json" resolve.
        var build = new BuildOptions();
        var egress = JsonSchema.FromText(RepoPaths.ReadText("schema", "egress.schema.json"), build, new Uri($"{BaseUri}egress.schema.json"));
        build.SchemaRegistry.Register(egress);
        var stack = JsonSchema.FromText(RepoPaths.ReadText("schema", "stack.schema.json"), build, new Uri($"{BaseUri}stack.schema.json"));
        return (stack, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private const string BaseUri = "https://egress-infra.example/schema/";

    private static JsonNode? ToJson(ConfigNode node) => node switch
    {
        MappingNode map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Text, ToJson(e.Value)))),
        SequenceNode seq => new JsonArray([.. seq.Items.Select(ToJson)]),
        ScalarNode { Kind: ScalarKind.Null } => null,
        ScalarNode { Kind: ScalarKind.Boolean } s => JsonValue.Create(bool.Parse(s.Text.ToLowerInvariant())),
        ScalarNode { Kind: ScalarKind.Integer } s => JsonValue.Create(long.Parse(s.Text, System.Globalization.CultureInfo.InvariantCulture)),
        ScalarNode { Kind: ScalarKind.Float } s => JsonValue.Create(double.Parse(s.Text, System.Globalization.CultureInfo.InvariantCulture)),
        ScalarNode s => JsonValue.Create(s.Text),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static EvaluationResults Validate(string yaml)
    {
        var document = YamlTreeReader.ReadSingle(yaml, "stack.yaml");
        Assert.NotNull(document.Root);
        var (schema, options) = Schemas.Value;
        return schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(ToJson(document.Root!)), options);
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    public static TheoryData<string> ValidStacks()
    {
        var data = new TheoryData<string> { "Pulumi.dev.yaml", "Pulumi.prod.yaml" };
        foreach (var file in Directory.EnumerateFiles(RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus", "good-stacks"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidStacks))]
    public void ValidStack_PassesTheCommittedSchema(string relativePath)
    {
        var text = File.ReadAllText(RepoPaths.File(relativePath)).TrimStart('\uFEFF');

        var results = Validate(text);

        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("[istio-system]")]
    [InlineData("[\"istio-system/\"]")]
    [InlineData("[\"/api.example.com\"]")]
    [InlineData("[\"a/b/c\"]")]
    public void SidecarImportOutsideThePattern_IsRefusedBySchemaAndCheck(string imports)
    {
        var yaml = $"config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [ns1]\n    sidecarImports: {imports}\n";

        Assert.False(Validate(yaml).IsValid);
        var (exit, output, _) = CliRunner.Run("check", "--file", CliRunner.TempFile(yaml));
        Assert.Equal(1, exit);
        Assert.Contains("egress.sidecarImports[0]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"istio-system/*\"]")]
    [InlineData("[\"./api.example.com\", \"*/*.internal\"]")]
    public void SidecarImportInThePattern_PassesBoth(string imports)
    {
        var yaml = $"config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [ns1]\n    sidecarImports: {imports}\n";

        var results = Validate(yaml);

        Assert.True(results.IsValid, Errors(results));
        var (exit, output, err) = CliRunner.Run("check", "--file", CliRunner.TempFile(yaml));
        Assert.True(exit == 0, output + err);
    }
}
