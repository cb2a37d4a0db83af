namespace LeopardEm.Tests.Interop;

/// <summary>CTF files in the exact layouts CTFFIND 4.1 / 5 and RELION 3.1 write.</summary>
internal static class CtfFileTexts
{
    /// <summary>CTFFIND 4.1.14's results file for one micrograph (header as in its source, values from a real
    /// run).</summary>
    public const string Ctffind41 =
        "# Output from CTFFind version 4.1.14, run on 2024-03-05 10:08:51\n" +
        "# Input file: /data/mics/m1.mrc ; Number of micrographs: 1\n" +
        "# Pixel size: 1.060 Angstroms ; acceleration voltage: 300.0 keV ; spherical aberration: 2.70 mm ; amplitude contrast: 0.07\n" +
        "# Box size: 512 pixels ; min. res.: 30.0 Angstroms ; max. res.: 5.0 Angstroms ; min. def.: 5000.0 um; max. def. 50000.0 um\n" +
        "# Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]; #3 - defocus 2; #4 - azimuth of astigmatism; " +
        "#5 - additional phase shift [radians]; #6 - cross correlation; #7 - spacing (in Angstroms) up to which CTF rings were fit successfully\n" +
        "1.000000 10588.083984 9956.687500 -44.710212 0.523599 0.494779 4.102857\n";

    /// <summary>CTFFIND 5.0.2's file: three more columns, the last without the dash.</summary>
    public const string Ctffind5 =
        "# Output from CTFFind version 5.0.2, run on 2025-02-13 21:14:21\n" +
        "# Input file: /some/path/to/my_project/micrograph_1.mrc ; Number of micrographs: 1\n" +
        "# Pixel size: 0.930 Angstroms ; acceleration voltage: 300.0 keV ; spherical aberration: 2.70 mm ; amplitude contrast: 0.07\n" +
        "# Box size: 512 pixels ; min. res.: 30.0 Angstroms ; max. res.: 3.5 Angstroms ; min. def.: 0.0 um; max. def. 50000.0 um\n" +
        "# Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]; #3 - defocus 2; #4 - azimuth of astigmatism; " +
        "#5 - additional phase shift [radians]; #6 - cross correlation; #7 - spacing (in Angstroms) up to which CTF rings were fit successfully; " +
        "#8 - Estimated tilt axis angle; #9 - Estimated tilt angle ; #10 Estimated sample thickness (in Angstroms)\n" +
        "1.000000 8984.742188 8709.236328 45.948771 0.000000 0.446317 3.720000 221.912292 12.251187 1619.773438\n";

    /// <summary>RELION 3.1's <c>micrographs_ctf.star</c> as <c>relion_run_ctffind</c> writes it (two micrographs, the
    /// second with the smaller defocus first).</summary>
    public const string RelionMicrographs =
        "\n# version 30001\n\ndata_optics\n\nloop_ \n_rlnOpticsGroupName #1 \n_rlnOpticsGroup #2 \n_rlnMicrographPixelSize #3 \n" +
        "_rlnVoltage #4 \n_rlnSphericalAberration #5 \n_rlnAmplitudeContrast #6 \n" +
        "opticsGroup1            1     1.500000   300.000000     2.700000     0.100000 \n \n\n# version 30001\n\n" +
        "data_micrographs\n\nloop_ \n_rlnMicrographName #1 \n_rlnOpticsGroup #2 \n_rlnCtfImage #3 \n_rlnDefocusU #4 \n" +
        "_rlnDefocusV #5 \n_rlnCtfAstigmatism #6 \n_rlnDefocusAngle #7 \n_rlnCtfFigureOfMerit #8 \n_rlnCtfMaxResolution #9 \n" +
        "_rlnPhaseShift #10 \n" +
        "MotionCorr/job002/Movies/m1.mrc            1 CtfFind/job003/Movies/m1.ctf:mrc 10588.083984  9956.687500   631.396484    -44.71021     0.494779     4.102857    30.000015 \n" +
        "MotionCorr/job002/Movies/m2.mrc            1 CtfFind/job003/Movies/m2.ctf:mrc  9000.000000 10000.000000 -1000.000000   120.00000     0.400000     5.000000     0.000000 \n \n";
}
