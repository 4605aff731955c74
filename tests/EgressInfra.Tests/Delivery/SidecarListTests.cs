using System.Text.Json;
using EgressInfra.Delivery;

namespace EgressInfra.Tests.Delivery;

// The API server's list as the client returns it: a JsonElement.
public class SidecarListTests
{
    private static JsonElement List(string items) => JsonDocument.Parse($$"""{"apiVersion":"networking.istio.io/v1","kind":"SidecarList","items":{{items}}}""").RootElement.Clone();

    [Fact]
    public void Selectors_AbsentNullEmptyAndLabelled_AreTold_Apart()
    {
        var list = List("""
            [
              {"metadata":{"name":"wide"},"spec":{"outboundTrafficPolicy":{"mode":"ALLOW_ANY"}}},
              {"metadata":{"name":"null"},"spec":{"workloadSelector":null}},
              {"metadata":{"name":"empty"},"spec":{"workloadSelector":{}}},
              {"metadata":{"name":"no-labels"},"spec":{"workloadSelector":{"labels":{}}}},
              {"metadata":{"name":"batch"},"spec":{"workloadSelector":{"labels":{"app":"reports"}}}},
              {"metadata":{"name":"nospec"}}
            ]
            """);

        var sidecars = SidecarList.Read("orders", list).ToDictionary(s => s.Name);

        Assert.Null(sidecars["wide"].WorkloadSelector);
        Assert.Null(sidecars["null"].WorkloadSelector);
        Assert.Null(sidecars["nospec"].WorkloadSelector);
        Assert.Empty(sidecars["empty"].WorkloadSelector!);
        Assert.Empty(sidecars["no-labels"].WorkloadSelector!);
        Assert.Equal("reports", sidecars["batch"].WorkloadSelector!["app"]);
        Assert.All(sidecars.Values, s => Assert.Equal("orders", s.Namespace));
    }

    [Fact]
    public void AnEmptyList_HasNoSidecars() => Assert.Empty(SidecarList.Read("orders", List("[]")));

    [Theory]
    [InlineData("""{"kind":"Status"}""")]
    [InlineData("""{"items":null}""")]
    [InlineData("[]")]
    public void ANonList_IsAnError_NotAnEmptyNamespace(string json) =>
        Assert.Throws<JsonException>(() => SidecarList.Read("orders", JsonDocument.Parse(json).RootElement.Clone()).ToList());
}
