using System.Text;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>
/// Hostile fragments through egressctl's door: the reader is the one the Pulumi program uses
/// (EgressInfra.Files), so each case here has its twin in tests/EgressInfra.Tests/Adoption. Every run
/// ends, and names the fragment in a finding.
/// </summary>
public sealed class FragmentInputTests : IDisposable
{
    private readonly string _project = SpecialFiles.TempDir();

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private const string Fragment = """
        owner: team-orders
        services:
          - name: sendgrid-api
            hosts: [api.sendgrid.com]
            ports: [{ number: 443, protocol: TLS }]
            namespaces: [orders]
            reason: Order confirmation e-mails.
        """;

    private string PathOf(string relative)
    {
        var path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private (int Exit, string Out, string Err) Check(string include, params string[] more)
    {
        File.WriteAllText(PathOf("Pulumi.yaml"), "name: egress-infra\nruntime: dotnet\n");
        File.WriteAllText(PathOf("Pulumi.test.yaml"), $"config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [orders]\n    include: [\"{include}\"]\n");
        return SpecialFiles.RunWithin(["check", "--project-dir", _project, "--stack", "test", .. more]);
    }

    [Theory]
    [InlineData("egress.d/orders.yaml")]
    [InlineData("egress.d/*.yaml")]
    public void AFifoFragment_IsAFindingNamingIt_NotAHang(string include)
    {
        if (!SpecialFiles.TryMakeFifo(PathOf("egress.d/orders.yaml")))
        {
            return;
        }

        var (exit, output, err) = Check(include);

        Assert.Equal(1, exit);
        Assert.Contains("EGR602", output + err, StringComparison.Ordinal);
        Assert.Contains("egress.d/orders.yaml: it is a named pipe (FIFO)", output + err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_TakeFromTheRunsByteBudget()
    {
        File.WriteAllText(PathOf("egress.d/orders.yaml"), Fragment + new string('#', 4096) + "\n");

        var (exit, output, err) = Check("egress.d/*.yaml", "--max-input-size", "4KiB");

        Assert.Equal(1, exit);
        Assert.Contains("egress.d/orders.yaml: input is larger than the limit of 4 KiB", output + err, StringComparison.Ordinal);
        Assert.Contains("--max-input-size", output + err, StringComparison.Ordinal);
    }

    [Fact]
    public void AUtf16Fragment_IsRead()
    {
        File.WriteAllBytes(PathOf("egress.d/orders.yaml"), [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Fragment)]);

        var (exit, output, err) = Check("egress.d/*.yaml");

        Assert.True(exit == 0, output + err);
    }

    [Fact]
    public void SymbolicLinkLoopsInAGlob_End()
    {
        File.WriteAllText(PathOf("egress.d/orders.yaml"), Fragment);
        File.CreateSymbolicLink(PathOf("egress.d/up"), "..");
        File.CreateSymbolicLink(PathOf("egress.d/loop"), "loop");

        var (exit, output, err) = Check("egress.d/**/*.yaml");

        Assert.True(exit == 0, output + err);
    }

    [Fact]
    public void ADirectoryNamedLikeAFragment_IsSaidToBeOne()
    {
        File.WriteAllText(PathOf("egress.d/orders.yaml/inner.yaml"), Fragment);

        var (exit, output, err) = Check("egress.d/orders.yaml");

        Assert.Equal(1, exit);
        Assert.Contains("egress.d/orders.yaml: it is a directory, not a fragment file", output + err, StringComparison.Ordinal);
    }
}
