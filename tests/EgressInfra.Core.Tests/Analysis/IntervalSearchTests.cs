using System.Net.Sockets;
using CsCheck;
using EgressInfra.Core.Analysis;

namespace EgressInfra.Core.Tests.Analysis;

public class IntervalSearchTests
{
    // The O(log n) search agrees with comparing every pair, for any set of ranges and classes.
    [Fact]
    public void TryFind_AgreesWithPairwiseComparison()
    {
        var item = Gen.Select(Gen.UInt[0, 200], Gen.UInt[0, 30], Gen.Int[0, 3], (start, length, cls) =>
            (Range: new AddressRange(AddressFamily.InterNetwork, start, (UInt128)start + length), Class: cls));

        item.Array[1, 30].Sample(items =>
        {
            var search = new IntervalSearch<(AddressRange Range, int Class)>(items, i => i.Range, i => i.Class);
            foreach (var (range, cls) in items)
            {
                var expected = items.Any(o => o.Class != cls && o.Range.Overlaps(range));
                var found = search.TryFind(range, cls, out var partner);
                Assert.Equal(expected, found);
                if (found)
                {
                    Assert.NotEqual(cls, partner.Class);
                    Assert.True(partner.Range.Overlaps(range));
                }
            }
        });
    }
}
