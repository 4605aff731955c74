using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Corpus;

/// <summary>
/// Every file in Corpus/stacks is a stack file that must be rejected. Its first line says how:
/// <c># expect: exit=1 code=EGR003 path=egress.services[0].hots line=8 text=Did you mean</c>
/// (code and text match as prefixes/substrings). Adding a case means adding a file.
/// </summary>
public partial class BadInputCorpusTests
{
    private static readonly string CorpusDir = RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus", "stacks");

    public static TheoryData<string> BadStacks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDir, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> GoodStacks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus", "good-stacks"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadStacks))]
    public void BadStack_IsRejectedWithPathLineAndNoStackTrace(string name)
    {
        var path = Path.Combine(CorpusDir, name);
        var expect = Expectation.Read(path);

        var (exit, output, error) = CliRunner.Run("check", "--file", path);
        var all = output + error;

        Assert.True(exit == expect.Exit, $"{name}: expected exit {expect.Exit}, got {exit}\n{all}");
        Assert.DoesNotMatch(StackTraceFrame(), all);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        if (expect.Code is not null)
        {
            Assert.True(Regex.IsMatch(all, $@"\b{expect.Code}\d*\b"), $"{name}: no {expect.Code} finding in\n{all}");
        }

        if (expect.Path is not null)
        {
            Assert.Contains($"at {expect.Path}", all, StringComparison.Ordinal);
        }

        if (expect.Line is not null)
        {
            Assert.Contains($"{name}:{expect.Line}:", all, StringComparison.Ordinal);
        }

        if (expect.Text is not null)
        {
            Assert.Contains(expect.Text, all, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BadStacks))]
    public void BadStack_JsonOutputIsValidAndLocated(string name)
    {
        var path = Path.Combine(CorpusDir, name);
        var expect = Expectation.Read(path);

        var (exit, output, _) = CliRunner.Run("check", "--file", path, "--format", "json");

        Assert.Equal(expect.Exit, exit);
        if (output.Length > 0)
        {
            using var json = System.Text.Json.JsonDocument.Parse(output);
            var diagnostics = json.RootElement.GetProperty("diagnostics");
            Assert.True(diagnostics.GetArrayLength() > 0, name);
            if (expect.Line is not null)
            {
                Assert.Contains(diagnostics.EnumerateArray(), d => d.GetProperty("line").ValueKind == System.Text.Json.JsonValueKind.Number);
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoodStacks))]
    public void AwkwardButValidStack_ChecksClean(string name)
    {
        var path = RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus", "good-stacks", name);

        var (exit, output, error) = CliRunner.Run("check", "--file", path);

        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public void OversizedFile_IsRefusedWithExitTwo()
    {
        var sb = new StringBuilder("config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [app]\n    services:\n");
        var i = 0;
        while (sb.Length <= 9 * 1024 * 1024)
        {
            sb.Append(CultureInfo.InvariantCulture, $"      - {{ name: s{i}, hosts: [h{i}.example.com], ports: [{{ number: 443, protocol: TLS }}] }}\n");
            i++;
        }

        var path = CliRunner.TempFile(sb.ToString(), "Pulumi.huge.yaml");

        var (exit, _, error) = CliRunner.Run("check", "--file", path, "--max-input-size", "8MiB");

        Assert.Equal(2, exit);
        Assert.Contains("larger than the limit of 8 MiB", error, StringComparison.Ordinal);
        Assert.Contains("--max-input-size", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeValidFile_IsCheckedCompletely()
    {
        var sb = new StringBuilder("config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [app]\n    services:\n");
        for (var i = 0; i < 2000; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"      - {{ name: s{i}, hosts: [h{i}.example.com], ports: [{{ number: 443, protocol: TLS }}] }}\n");
        }

        sb.Append("      - { name: broken, hosts: [x.example.com], ports: [{ number: 0, protocol: TLS }] }\n");
        var path = CliRunner.TempFile(sb.ToString(), "Pulumi.large.yaml");

        var (exit, output, _) = CliRunner.Run("check", "--file", path);

        Assert.Equal(1, exit);
        Assert.Contains("at egress.services[2000].ports[0].number", output, StringComparison.Ordinal);
        Assert.Contains("Pulumi.large.yaml:2006:", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bat [A-Za-z_][\w.`<>]*\(")]
    private static partial Regex StackTraceFrame();

    private sealed partial record Expectation(int Exit, string? Code, string? Path, int? Line, string? Text)
    {
        public static Expectation Read(string file)
        {
            var first = File.ReadLines(file).First();
            var match = ExpectLine().Match(first);
            Assert.True(match.Success, $"{file} lacks a '# expect:' first line");
            string? Get(string key) => match.Groups[key].Success && match.Groups[key].Value.Length > 0 ? match.Groups[key].Value : null;
            return new Expectation(
                int.Parse(Get("exit")!, CultureInfo.InvariantCulture),
                Get("code"),
                Get("path"),
                Get("line") is { } line ? int.Parse(line, CultureInfo.InvariantCulture) : null,
                Get("text"));
        }

        [GeneratedRegex(@"^# expect: exit=(?<exit>\d)(?: code=(?<code>\S+))?(?: path=(?<path>\S+))?(?: line=(?<line>\d+))?(?: text=(?<text>.+))?$")]
        private static partial Regex ExpectLine();
    }
}
