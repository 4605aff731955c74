using EgressInfra.Cli.Output;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Cli.Tests.Output;

public class GithubAnnotationsTests
{
    [Fact]
    public void Format_WritesFileLineColumnAndTitle()
    {
        var d = new Diagnostic(Severity.Error, "EGR150", "unknown field \"x\"", "spec.x", "Remove it.", new SourceLocation("k8s/se.yaml", 7, 3));

        Assert.Equal("::error file=k8s/se.yaml,line=7,col=3,title=EGR150::unknown field \"x\" (spec.x) fix: Remove it.", GithubAnnotations.Format(d));
    }

    // An unescaped newline would end the command; an unescaped ',' or ':' would split a property.
    [Fact]
    public void Format_EscapesDataAndProperties()
    {
        var d = new Diagnostic(Severity.Warning, "EGR900", "100% sure\r\nnext", string.Empty, null, new SourceLocation("C:\\a,b.yaml", 1, 1));

        Assert.Equal("::warning file=C%3A\\a%2Cb.yaml,line=1,col=1,title=EGR900::100%25 sure%0D%0Anext", GithubAnnotations.Format(d));
    }

    [Fact]
    public void Format_WithoutLocationOrHint_IsANoticeWithTitleOnly()
    {
        var d = new Diagnostic(Severity.Info, "EGR900", "note", "spec");

        Assert.Equal("::notice title=EGR900::note (spec)", GithubAnnotations.Format(d));
    }
}
