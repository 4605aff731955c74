using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Sources;

namespace EgressInfra.Files.Tests;

/// <summary>A project directory in a temp folder: a stack including fragments, resolved through the shared reader.</summary>
internal sealed class TempProject : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("egress-files-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string Fragment(string owner, params string[] services) =>
        $"owner: {owner}\nservices:\n" + string.Concat(services.Select(s => $"  - {{ name: {s}, hosts: [{s}.example.com], ports: [{{ number: 443, protocol: TLS }}], namespaces: [orders], reason: test }}\n"));

    public static string Stack(params string[] include) =>
        "config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [orders]\n    include: ["
        + string.Join(", ", include.Select(i => $"\"{i}\"")) + "]\n";

    /// <summary>The stack resolved with its fragments, bounded in time so that a FIFO that were opened fails the test instead of hanging it.</summary>
    public StackDocument Resolve(string stackText, long budgetBytes = ReadBudget.DefaultBytes) =>
        TestSupport.Fifos.Within(TimeSpan.FromSeconds(20), () =>
            FragmentResolver.Resolve(StackFile.Parse(stackText, "Pulumi.test.yaml", "egress-infra"), new ProjectDirectoryFiles(Root, new ReadBudget(budgetBytes, "raise the test budget"))));

    public static IReadOnlyList<string> ServiceNames(StackDocument doc) =>
        doc.Fragments.SelectMany(f => f.Services).ToList();

    public static IEnumerable<Diagnostic> Errors(StackDocument doc, string code) => doc.Problems.Where(p => p.Code == code);
}
