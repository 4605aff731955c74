using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Validation.Enforcement;

/// <summary>
/// Cases from Istio's own validation tables (validation_test.go) and the Kubernetes NetworkPolicy
/// rules, as whole objects under Cases/: each names its case and the verdict Istio (or the API server)
/// gives. lint must reject exactly the invalid ones; warnings do not count as rejection.
/// </summary>
public sealed class IstioTableTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in CaseFiles())
        {
            foreach (var (name, _, _) in Split(file))
            {
                data.Add(Path.GetFileName(file), name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lint_agrees_with_istio(string file, string name)
    {
        var (_, text, valid) = Split(RepoPaths.File("tests", "EgressInfra.Core.Tests", "Validation", "Enforcement", "Cases", file)).Single(c => c.Name == name);
        var result = ManifestLinter.Lint([(file, text)]);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(valid == (errors.Count == 0), $"{name}: expected {(valid ? "valid" : "invalid")}, got {string.Join("; ", result.Diagnostics)}");
    }

    [Fact]
    public void Every_case_file_has_cases_of_both_verdicts()
    {
        foreach (var file in CaseFiles())
        {
            var cases = Split(file).ToList();
            Assert.Contains(cases, c => c.Valid);
            Assert.Contains(cases, c => !c.Valid);
        }
    }

    private static IEnumerable<string> CaseFiles() =>
        Directory.GetFiles(RepoPaths.File("tests", "EgressInfra.Core.Tests", "Validation", "Enforcement", "Cases"), "*.yaml").Order(StringComparer.Ordinal);

    /// <summary>Each document alone, with its case name and expected verdict from its test annotations.</summary>
    private static IEnumerable<(string Name, string Text, bool Valid)> Split(string file)
    {
        foreach (var doc in File.ReadAllText(file).Split("\n---\n"))
        {
            var name = Annotation(doc, "test.egressinfra/case");
            var expect = Annotation(doc, "test.egressinfra/expect");
            yield return (name, doc, expect == "valid");
        }
    }

    private static string Annotation(string doc, string key)
    {
        var line = doc.Split('\n').First(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('\'', '"');
    }
}
