using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class OwnerAndReasonRuleTests
{
    [Fact]
    public void ServiceWithoutOwnerOrReason_InProd_IsAnErrorAtEachMissingField()
    {
        var plan = PolicyStack.Check(services: """
            - name: api
              hosts: [api.example.com]
              ports: [{ number: 443, protocol: TLS }]
            """);

        PolicyAssert.Finding(plan, "EGR309", "egress.services[0].owner");
        PolicyAssert.Finding(plan, "EGR309", "egress.services[0].reason");
        Assert.All(plan.WithCode("EGR309"), d => Assert.Equal(7, d.Location?.Line));
    }

    [Fact]
    public void BlankReason_IsMissing()
    {
        var plan = PolicyStack.Check(services: """
            - name: api
              hosts: [api.example.com]
              ports: [{ number: 443, protocol: TLS }]
              owner: team-a
              reason: "  "
            """);

        PolicyAssert.Finding(plan, "EGR309", "egress.services[0].reason");
    }

    // A preset written as a bare name has neither: reported once, at the preset.
    [Fact]
    public void BarePreset_UnderPermissive_WarnsOncePerMissingField()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: "- apt");

        Assert.Equal(
            [("egress.presets[0].owner", Severity.Warning), ("egress.presets[0].reason", Severity.Warning)],
            plan.WithCode("EGR309").Select(d => (d.Path, d.Severity)));
    }

    [Fact]
    public void OwnedAndReasonedService_Passes()
    {
        PolicyAssert.Clean(PolicyStack.Check());
    }
}
