using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests;

/// <summary>Builds small stack files for tests, so each test shows only the part it is about.</summary>
internal static class StackText
{
    public static string WithServices(string servicesYaml, string environment = "dev", string namespaces = "[payments, orders]", string extraEgress = "") =>
        $"""
        config:
          egress-infra:environment: {environment}
          egress-infra:egress:
            namespaces: {namespaces}
        {Indent(extraEgress, 4)}    services:
        {Indent(servicesYaml, 6)}
        """;

    public static EgressPlan Evaluate(string text, string file = "Pulumi.test.yaml") =>
        EgressPipeline.Evaluate(StackFile.Parse(text, file));

    private static string Indent(string text, int spaces)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var pad = new string(' ', spaces);
        return string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : pad + l)) + "\n";
    }
}
