using EgressInfra.Core.Diagnostics;
using EgressInfra.Diagnostics;

namespace EgressInfra.Tests.Diagnostics;

public class DiagnosticReportTests
{
    private static readonly Diagnostic Error = ConfigCodes.UnknownKey.Create("egress.services[0].hots", "unknown key 'hots'", "Did you mean 'hosts'?") with
    {
        Location = new SourceLocation("Pulumi.prod.yaml", 12, 9),
    };

    private static readonly Diagnostic Warning = new(Severity.Warning, "EGR999", "something to look at", "egress.services[1]");

    // The failure is read in a terminal or a CI log: one line per finding, in the Core's words, so it
    // matches what egressctl check prints for the same stack.
    [Fact]
    public void FailureMessage_CountsErrorsAndListsEveryDiagnosticOnItsOwnLine()
    {
        var message = DiagnosticReport.FailureMessage([Error, Warning]);

        Assert.Equal(
            $"egress-infra: the stack's config has 1 error; nothing was registered.\n  {Error}\n  {Warning}",
            message);
        Assert.StartsWith("  Pulumi.prod.yaml:12: error EGR003 egress.services[0].hots: unknown key 'hots'", message.Split('\n')[1], StringComparison.Ordinal);
    }
}
