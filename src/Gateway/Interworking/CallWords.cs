using System.Runtime.CompilerServices;
using System.Text;

namespace Gateway.Interworking;

/// <summary>
/// The log words of the call machines' states and triggers (<c>AcmReceived</c> → <c>acm-received</c>), made once per
/// enum so that a log line costs no string work per call.
/// </summary>
public static class CallWords
{
    public static string Of<T>(T value) where T : struct, Enum => Words<T>.Names[Unsafe.As<T, int>(ref value)];

    private static class Words<T> where T : struct, Enum
    {
        public static readonly string[] Names = Build();

        private static string[] Build()
        {
            T[] values = Enum.GetValues<T>();
            int max = 0;
            foreach (T v in values) max = Math.Max(max, Unsafe.As<T, int>(ref Unsafe.AsRef(in v)));
            var names = new string[max + 1];
            foreach (T v in values) names[Unsafe.As<T, int>(ref Unsafe.AsRef(in v))] = Kebab(v.ToString());
            return names;
        }

        private static string Kebab(string name)
        {
            var word = new StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0) word.Append('-');
                word.Append(char.ToLowerInvariant(name[i]));
            }

            return word.ToString();
        }
    }
}
