using System.Text;
using EgressInfra.TestSupport;

namespace EgressInfra.Files.Tests;

/// <summary>
/// The fragment reader both doors use, attacked through the Core's fragment resolver: every hostile
/// fragment ends in a finding that names it, nothing blocks, and nothing outside the project is read.
/// </summary>
public sealed class ProjectDirectoryFilesTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("egress.d/orders.yaml")]
    [InlineData("egress.d/*.yaml")]
    [InlineData("**/*.yaml")]
    public void AFifoNamedAsAFragment_IsRefusedWithItsPath_WithoutBeingOpened(string include)
    {
        Directory.CreateDirectory(_project.PathOf("egress.d"));
        if (!Fifos.TryMake(_project.PathOf("egress.d/orders.yaml")))
        {
            return;
        }

        var doc = _project.Resolve(TempProject.Stack(include));

        var finding = Assert.Single(TempProject.Errors(doc, "EGR602"));
        Assert.Contains("egress.d/orders.yaml", finding.Message, StringComparison.Ordinal);
        Assert.Contains("named pipe (FIFO)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("egress.include[0]", finding.Path);
    }

    [Fact]
    public void AFragmentOverTheBudget_IsRefusedWithTheLimitAndTheDoorsHint()
    {
        _project.Write("egress.d/big.yaml", TempProject.Fragment("team-a", [.. Enumerable.Range(0, 40).Select(i => $"svc{i}")]));

        var doc = _project.Resolve(TempProject.Stack("egress.d/*.yaml"), budgetBytes: 1024);

        var finding = Assert.Single(TempProject.Errors(doc, "EGR602"));
        Assert.Contains("egress.d/big.yaml", finding.Message, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 1 KiB", finding.Message, StringComparison.Ordinal);
        Assert.Contains("raise the test budget", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBudget_IsSharedByAllFragments_SoManySmallOnesCannotAddUpUnbounded()
    {
        _project.Write("egress.d/a.yaml", TempProject.Fragment("team-a", "alpha", "beta", "gamma"));
        _project.Write("egress.d/b.yaml", TempProject.Fragment("team-b", "delta", "epsilon", "zeta"));
        var one = new FileInfo(_project.PathOf("egress.d/a.yaml")).Length;

        var doc = _project.Resolve(TempProject.Stack("egress.d/*.yaml"), budgetBytes: one + 10);

        Assert.Equal(["alpha", "beta", "gamma"], TempProject.ServiceNames(doc));
        var finding = Assert.Single(TempProject.Errors(doc, "EGR602"));
        Assert.Contains("egress.d/b.yaml", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-32le-bom")]
    [InlineData("utf-8-bom")]
    public void AFragmentInAnyYamlEncoding_IsRead(string encoding)
    {
        var text = TempProject.Fragment("team-orders", "sendgrid");
        _project.WriteBytes("egress.d/orders.yaml", encoding switch
        {
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            "utf-32le-bom" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        });

        var doc = _project.Resolve(TempProject.Stack("egress.d/*.yaml"));

        Assert.DoesNotContain(doc.Problems, p => p.IsError);
        Assert.Equal(["sendgrid"], TempProject.ServiceNames(doc));
        Assert.Equal("team-orders", Assert.Single(doc.Fragments).Owner);
    }

    [Theory]
    [InlineData(new byte[] { 0x6f, 0x77, 0x00, 0x6e, 0x65, 0x72 }, "binary file")]
    [InlineData(new byte[] { 0x6f, 0x77, 0x6e, 0xff, 0xfe, 0x72, 0x3a }, "not UTF-8 text")]
    public void ABinaryOrMisEncodedFragment_IsRefusedWithWhatItLooksLike(byte[] bytes, string expected)
    {
        _project.WriteBytes("egress.d/orders.yaml", bytes);

        var doc = _project.Resolve(TempProject.Stack("egress.d/orders.yaml"));

        var finding = Assert.Single(TempProject.Errors(doc, "EGR602"));
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymbolicLinkLoopsInAGlob_EndTheWalk_AndEachRealFileIsReadOnce()
    {
        _project.Write("Pulumi.test.yaml", TempProject.Stack("egress.d/**/*.yaml"));
        _project.Write("teams/other.yaml", TempProject.Fragment("team-other", "elsewhere"));
        _project.Write("egress.d/orders.yaml", TempProject.Fragment("team-orders", "sendgrid"));
        File.CreateSymbolicLink(_project.PathOf("egress.d/up"), "..");
        File.CreateSymbolicLink(_project.PathOf("egress.d/teams"), "../teams");
        File.CreateSymbolicLink(_project.PathOf("egress.d/self"), "self");
        Directory.CreateDirectory(_project.PathOf("egress.d/sub"));
        File.CreateSymbolicLink(_project.PathOf("egress.d/sub/again"), "../../egress.d");
        File.CreateSymbolicLink(_project.PathOf("egress.d/zz-loop.yaml"), "zz-loop.yaml");

        var doc = _project.Resolve(TempProject.Stack("egress.d/**/*.yaml"));

        Assert.Equal(["sendgrid"], TempProject.ServiceNames(doc));
        Assert.Empty(TempProject.Errors(doc, "EGR606"));
        var loop = Assert.Single(TempProject.Errors(doc, "EGR602"));
        Assert.Contains("zz-loop.yaml", loop.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link loop", loop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileLinkedInsideTheProject_IsReadOnceUnderItsFirstName()
    {
        _project.Write("teams/orders.yaml", TempProject.Fragment("team-orders", "sendgrid"));
        Directory.CreateDirectory(_project.PathOf("egress.d"));
        File.CreateSymbolicLink(_project.PathOf("egress.d/orders.yaml"), "../teams/orders.yaml");

        var viaLink = _project.Resolve(TempProject.Stack("egress.d/orders.yaml"));
        var both = _project.Resolve(TempProject.Stack("**/*.yaml"));

        Assert.Equal(["sendgrid"], TempProject.ServiceNames(viaLink));
        Assert.Equal(["sendgrid"], TempProject.ServiceNames(both));
        Assert.Empty(TempProject.Errors(both, "EGR606"));
    }

    [Theory]
    [InlineData("egress.d/secret.yaml")]
    [InlineData("egress.d/*.yaml")]
    [InlineData("egress.d/outside/*.yaml")]
    public void ALinkLeadingOutsideTheProject_IsNeverRead(string include)
    {
        using var outside = new TempProject();
        outside.Write("secret.yaml", "owner: [not a fragment: kubeconfig-token-abc123\n");
        Directory.CreateDirectory(_project.PathOf("egress.d"));
        File.CreateSymbolicLink(_project.PathOf("egress.d/secret.yaml"), outside.PathOf("secret.yaml"));
        File.CreateSymbolicLink(_project.PathOf("egress.d/outside"), outside.Root);

        var doc = _project.Resolve(TempProject.Stack(include));

        Assert.DoesNotContain(doc.Problems, p => p.ToString().Contains("kubeconfig-token", StringComparison.Ordinal));
        Assert.Empty(doc.Fragments);
        Assert.Contains(doc.Problems, p => p.IsError && (p.Code == "EGR600" || p.Message.Contains("outside the project directory", StringComparison.Ordinal)));
    }

    [Fact]
    public void ADirectoryNamedLikeAFragment_IsSaidToBeADirectory_AndAGlobSkipsIt()
    {
        _project.Write("egress.d/orders.yaml/inner.yaml", TempProject.Fragment("team-orders", "hidden-inner"));
        _project.Write("egress.d/payments.yaml", TempProject.Fragment("team-payments", "stripe"));

        var literal = _project.Resolve(TempProject.Stack("egress.d/orders.yaml"));
        var glob = _project.Resolve(TempProject.Stack("egress.d/*.yaml"));

        var finding = Assert.Single(TempProject.Errors(literal, "EGR602"));
        Assert.Contains("egress.d/orders.yaml", finding.Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["stripe"], TempProject.ServiceNames(glob));
        Assert.DoesNotContain(glob.Problems, p => p.IsError);
    }

    [Fact]
    public void AMissingLiteralFragment_MatchesNoFile()
    {
        var doc = _project.Resolve(TempProject.Stack("egress.d/orders.yaml"));

        var finding = Assert.Single(TempProject.Errors(doc, "EGR600"));
        Assert.Contains("egress.d/orders.yaml", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADanglingLinkInAGlob_IsNamed()
    {
        Directory.CreateDirectory(_project.PathOf("egress.d"));
        File.CreateSymbolicLink(_project.PathOf("egress.d/gone.yaml"), "nowhere.yaml");

        var doc = _project.Resolve(TempProject.Stack("egress.d/*.yaml"));

        var finding = Assert.Single(TempProject.Errors(doc, "EGR602"));
        Assert.Contains("egress.d/gone.yaml", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HiddenFilesAndFolders_AreLeftOutOfAGlob()
    {
        _project.Write("egress.d/.draft.yaml", TempProject.Fragment("team-a", "draft"));
        _project.Write("egress.d/.git/x.yaml", TempProject.Fragment("team-a", "git"));
        _project.Write("egress.d/a.yaml", TempProject.Fragment("team-a", "real"));

        var doc = _project.Resolve(TempProject.Stack("egress.d/**/*.yaml"));

        Assert.Equal(["real"], TempProject.ServiceNames(doc));
    }
}
