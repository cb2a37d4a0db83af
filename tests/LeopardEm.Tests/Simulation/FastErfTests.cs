using LeopardEm.Simulation;
using MathNet.Numerics;

namespace LeopardEm.Tests.Simulation;

public class FastErfTests
{
    [Fact]
    public void Agrees_with_the_full_precision_error_function_to_2e_minus_7()
    {
        for (var x = -6.0; x <= 6.0; x += 0.001)
        {
            Assert.Equal(SpecialFunctions.Erf(x), FastErf.Erf(x), 2e-7);
        }
    }
}
