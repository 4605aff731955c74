using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;
using Moq;
using Pulumi.Testing;

namespace EgressInfra.Tests.Diagnostics;

/// <summary>
/// The same bad inputs egressctl rejects reach the Pulumi program as config, and it must register
/// nothing for any of them: not the provider, not a component, not one object.
/// </summary>
public class InvalidInputCorpusTests
{
    private static readonly string CorpusDir = RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus", "stacks");

    /// <summary>
    /// Corpus files whose YAML Pulumi itself could load; the others (syntax errors, duplicate keys,
    /// binary bytes) are refused by Pulumi's own stack-file reader and never reach a program.
    /// </summary>
    public static TheoryData<string> LoadableBadStacks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var document = StackFile.Parse(text, file);
            if (!text.Contains('\0', StringComparison.Ordinal) && document.ProjectConfig is not null && document.Problems.Count == 0)
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    public static TheoryData<string> ProdViolations()
    {
        var data = new TheoryData<string>();
        foreach (var violation in ProdVariants.All)
        {
            data.Add(violation);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LoadableBadStacks))]
    public async Task BadStackFromTheCorpus_RegistersNothing(string name)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDir, name));

        var (error, mocks) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(text));

        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
        Assert.Contains("nothing was registered", error.Message, StringComparison.Ordinal);
    }

    // Each production guardrail of the restrictive profile stops the run before anything is registered.
    [Theory]
    [MemberData(nameof(ProdViolations))]
    public async Task ProdStackBreakingAGuardrail_RegistersNothing(string violation)
    {
        var text = ProdVariants.Violate(PulumiConfig.ShippedStackText("prod"), violation);

        var (error, mocks) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(text), "prod");

        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
        Assert.Contains("error EGR3", error.Message, StringComparison.Ordinal);
    }
}
