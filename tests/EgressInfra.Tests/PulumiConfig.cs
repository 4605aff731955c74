using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Tests;

/// <summary>
/// Builds <c>PULUMI_CONFIG</c> as the Pulumi CLI does for a stack: every <c>egress-infra:*</c> value of the
/// stack file, plus the defaults declared in <c>Pulumi.yaml</c>; objects and lists as JSON text,
/// scalars as their text.
/// </summary>
internal static class PulumiConfig
{
    public static ProjectFile Project { get; } = ProjectFile.Parse(RepoPaths.ReadText("Pulumi.yaml"), "Pulumi.yaml");

    public static string ShippedStackText(string stack) => RepoPaths.ReadText($"Pulumi.{stack}.yaml");

    /// <summary>The project's keys of a stack file, as the CLI's <c>egressctl</c> reads them.</summary>
    public static MappingNode Keys(string stackText, string file = "Pulumi.test.yaml")
    {
        var document = StackFile.Parse(stackText, file, Project.Name, Project.Defaults);
        return document.ProjectConfig ?? throw new InvalidOperationException(string.Join("\n", document.Problems));
    }

    public static string FromStackText(string stackText) => FromKeys(Keys(stackText));

    public static string FromKeys(MappingNode keys) => PulumiConfigJson.FromKeys(Project.Name, keys);
}
