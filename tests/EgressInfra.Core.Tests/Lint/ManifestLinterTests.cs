using CsCheck;
using EgressInfra.Core.Analysis;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;
using EgressInfra.Core.Manifests;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Lint;

public class ManifestLinterTests
{
    private const string Entry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: {0}
        spec:
          hosts: [{0}.example]
          ports:
          - number: 443
            name: https
            protocol: HTTPS
        """;

    private static readonly string[] ExternalSamples = ["aptget.yaml", "github.yaml", "pypi.yaml"];

    private static (string, string) File(string name, string text) => (name, text);

    private static string EntryNamed(string name) => Entry.Replace("{0}", name, StringComparison.Ordinal) + "\n";

    private static IEnumerable<Diagnostic> NoRules(ServiceEntry entry) => [];

    private static IReadOnlyList<EntryFinding> NoAnalysis(IReadOnlyList<ServiceEntry> entries) => [];

    // The seed's manifests are valid Istio config: whatever analysis says about them, lint must not fail them.
    [Fact]
    public void ExternalSamples_HaveNoErrors()
    {
        var inputs = ExternalSamples.Select(f => File(f, RepoPaths.ReadText("tests", "EgressInfra.Cli.Tests", "Lint", "testdata", "external", f)));

        var result = ManifestLinter.Lint(inputs);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal((7, 5, 0), (result.Counts.Documents, result.Counts.ServiceEntries, result.Counts.Sidecars));
        Assert.Equal(2, result.Counts.EnforcementKinds["VirtualService"]);
        Assert.Equal(5, result.ServiceEntries.Count);
    }

    [Fact]
    public void MalformedDocument_LeavesTheOthersLinted()
    {
        var text = EntryNamed("first") + "---\n" + "apiVersion: v1\nkind: [\n" + "---\n" + EntryNamed("third") + "  resolution: DNSS\n";

        var result = ManifestLinter.Lint([File("three.yaml", text)]);

        Assert.Equal(3, result.Counts.Documents);
        Assert.Contains(result.Diagnostics, d => d.Code == "EGR001" && d.Location!.Line is >= 12 and <= 14);
        var dnss = Assert.Single(result.Diagnostics, d => d.Code == "EGR153");
        Assert.Equal("ServiceEntry third", dnss.Resource);
        Assert.Equal(["first", "third"], result.ServiceEntries.Select(e => e.Metadata.Name));
    }

    [Fact]
    public void EmptyDocuments_AreNotCounted()
    {
        var result = ManifestLinter.Lint([File("empty.yaml", "---\n# nothing\n---\n")]);

        Assert.Equal(0, result.Counts.Documents);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void OtherKindsAndSidecars_AreCounted()
    {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: a}\nspec:\n  egress: [{hosts: [\"./*\"]}]\n";

        var result = ManifestLinter.Lint([File("mixed.yaml", text)]);

        Assert.Equal((2, 0, 1, 1), (result.Counts.Documents, result.Counts.ServiceEntries, result.Counts.Sidecars, result.Counts.Skipped));
        Assert.Single(result.Sidecars);
    }

    // Istio's findings name a manifest path; lint must turn it into the line of that node.
    [Fact]
    public void RuleFindings_ArePlacedAtTheirNodeWithTheResourceAsWritten()
    {
        var seen = new List<ServiceEntry>();
        IEnumerable<Diagnostic> Validate(ServiceEntry e)
        {
            seen.Add(e);
            return [new Diagnostic(Severity.Warning, "EGR900", "a rule warning", "spec.ports[0].protocol", Resource: "ignored")];
        }

        var result = ManifestLinter.Lint([File("a.yaml", EntryNamed("api"))], LintOptions.Default, Validate, NoAnalysis);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("a.yaml", 10), (d.Location!.File, d.Location.Line));
        Assert.Equal("ServiceEntry api", d.Resource);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(ManifestLinter.DefaultNamespace, Assert.Single(seen).Metadata.Namespace);
    }

    [Fact]
    public void AnalysisFindings_SpanFilesAndAreCappedAtWarning()
    {
        IReadOnlyList<ServiceEntry>? analysed = null;
        IReadOnlyList<EntryFinding> Analyze(IReadOnlyList<ServiceEntry> entries)
        {
            analysed = entries;
            return [new EntryFinding(1, new Diagnostic(Severity.Error, "EGR901", "an analysis error", "spec.hosts[0]"))];
        }

        var result = ManifestLinter.Lint([File("a.yaml", EntryNamed("one")), File("b.yaml", EntryNamed("two"))], LintOptions.Default, NoRules, Analyze);

        Assert.Equal(["one", "two"], analysed!.Select(e => e.Metadata.Name));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(("b.yaml", 6), (d.Location!.File, d.Location.Line));
        Assert.False(result.HasErrors);
    }

    // istioctl analyze names an object as its document does: without a namespace when none is written.
    [Theory]
    [InlineData("", "ServiceEntry plain")]
    [InlineData("  namespace: default\n", "ServiceEntry default/plain")]
    [InlineData("  namespace: Default\n", "ServiceEntry Default/plain")]
    [InlineData("  namespace: shop\n", "ServiceEntry shop/plain")]
    public void AnalysisFindings_NameTheEntryAsWritten(string namespaceLine, string resource)
    {
        var text = $"apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: plain\n{namespaceLine}spec:\n  hosts: [db.example.com]\n  ports: [{{number: 5432, name: tcp, protocol: tcp}}]\n";

        var result = ManifestLinter.Lint([File("a.yaml", text)]);

        Assert.Equal(resource, Assert.Single(result.Diagnostics, d => d.Code == AnalysisCodes.AddressesRequired.Code).Resource);
    }

    [Fact]
    public void Strict_RaisesWarningsToErrors()
    {
        IEnumerable<Diagnostic> Validate(ServiceEntry e) => [new Diagnostic(Severity.Warning, "EGR900", "w", "spec")];
        IReadOnlyList<EntryFinding> Analyze(IReadOnlyList<ServiceEntry> entries) => [new EntryFinding(0, new Diagnostic(Severity.Warning, "EGR901", "w", "spec"))];

        var result = ManifestLinter.Lint([File("a.yaml", EntryNamed("one"))], LintOptions.ForProfile("permissive", strict: true)!, Validate, Analyze);

        Assert.Equal(2, result.Errors);
    }

    [Fact]
    public void UndecodableEntry_IsNeitherValidatedNorAnalysed()
    {
        var validated = 0;
        IEnumerable<Diagnostic> Validate(ServiceEntry e)
        {
            validated++;
            return [];
        }

        var text = EntryNamed("bad").Replace("number: 443", "number: \"443\"", StringComparison.Ordinal);
        var result = ManifestLinter.Lint([File("a.yaml", text)], LintOptions.Default, Validate, NoAnalysis);

        Assert.Equal(0, validated);
        Assert.Equal(1, result.Counts.ServiceEntries);
        Assert.Empty(result.ServiceEntries);
        Assert.Equal("EGR151", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Findings_AreInCanonicalOrder()
    {
        var text = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: A}\nspec:\n  hosts: x\n  bogus: 1\n";

        var result = ManifestLinter.Lint([File("b.yaml", text), File("a.yaml", "- 1\n")]);

        Assert.Equal(result.Diagnostics.OrderBy(d => d, DiagnosticOrder.Instance), result.Diagnostics);
        Assert.Equal("a.yaml", result.Diagnostics[0].Location!.File);
    }

    // Lint never throws, whatever it is given, and every finding it makes points into a file.
    [Fact]
    public void AnyText_LintsWithoutThrowingAndEveryFindingHasALocation()
    {
        var fragments = Gen.OneOfConst(
            "apiVersion: networking.istio.io/v1\n", "kind: ServiceEntry\n", "kind: Sidecar\n", "metadata:\n", "  name: a\n",
            "spec:\n", "  hosts: [a.example]\n", "  ports:\n", "  - number: 443\n", "    name: x\n", "---\n", "- \n", "  : :\n",
            "[", "{", "\"", "\t", "&a ", "*a\n", "  egress: [{hosts: []}]\n", "~\n", "0x1F\n");
        fragments.Array[0, 20].Select(parts => string.Concat(parts)).Sample(text =>
        {
            var result = ManifestLinter.Lint([File("f.yaml", text)]);
            Assert.All(result.Diagnostics, d => Assert.Equal("f.yaml", d.Location?.File));
        });
    }
}
