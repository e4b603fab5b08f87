package cn.dayi.marketplace.importing.uniquip;

import cn.dayi.marketplace.catalogue.NationalCategory;
import java.util.List;
import java.util.Map;

/**
 * Infers the national category of a uniquip row, which has no category column, from words in
 * its name, description and technique. The table below is the whole rule: the first entry with a
 * matching keyword wins ({@link Words} syntax: whole words, {@code *} = prefix), so more specific
 * entries come first (a spectrum analyser is electronic measurement, not chemical analysis; a
 * thermal analyser is physical property testing). No match → {@code 15} (其他). Misspellings
 * found in real feeds (FLOURESCENCE, DEFRACTION, OCSILLOSCOPE, ANAYLSER) are listed on purpose.
 */
final class CategoryKeywords {

    private static final List<Map.Entry<NationalCategory, List<String>>> TABLE_TEXT = List.of(
            Map.entry(NationalCategory.ELECTRONIC_MEASURING, List.of(
                    "OSCILLOSC*", "OCSIL*", "COMPUSCOPE*", "SIGNAL", "SPECTRUM ANALY*", "NETWORK ANALY*",
                    "IMPEDANCE*", "PRECISION IMPE*", "FREQ RESPONSE*", "FREQUENCY RESPONSE*", "FREQUENCY COUNTER*",
                    "LCR METER*", "ARBITRARY WAV*", "WAVEFORM GEN*", "LOGIC ANALY*")),
            Map.entry(NationalCategory.PHYSICAL_PROPERTY, List.of(
                    "TENSILE*", "RHEOMET*", "CALORIM*", "MICROCALORIM*", "MICROCAL*", "ITC", "DSC", "TGA",
                    "THERMAL ANALY*", "ISOTHERM* TITRATION", "DMA", "VISCOMET*", "DILATOMET*", "HARDNESS*", "MAGNETOMET*", "SQUID",
                    "ZETASIZER*", "ZETASIXER*", "PARTICLE SIZ*", "MICROPORE*", "SURFACE AREA*", "ELLIPSOMET*", "CRYOSTAT*",
                    "BATTERY TEST*", "UNIVERSAL TESTING*")),
            Map.entry(NationalCategory.NUCLEAR, List.of(
                    "SCINTILLAT*", "GEIGER*", "DOSIMET*", "GAMMA COUNT*")),
            Map.entry(NationalCategory.ANALYTICAL, List.of(
                    "MICROSC*", "MICRSCP*", "CONFOCAL*", "SEM", "TEM", "STEM", "STM", "AFM", "SPM", "SNOM",
                    "ELECTRON MICRO*", "FIELD EMISSIO*", "SCANNING PROBE*", "SCANNING TUN*", "ATOMIC FORCE*",
                    "FORCE MICR*", "NMR", "EPR", "ESR", "SPECTRO*", "SPECTRAMAX*", "MONOCHROMAT*",
                    "CHROMA*", "CHROM", "HPLC", "UHPL*", "UPLC", "FPLC", "GC", "LC", "GCMS", "LCMS", "MS",
                    "MASS SPEC*", "TOF*", "QTOF*", "ORBITR*", "MALDI", "ICP*", "DIFFRAC*", "DEFRACT*",
                    "X RAY", "XRD", "XRF", "XPS", "FTIR", "FT IR", "IR", "INFRARED*", "RAMAN", "FLUORESC*",
                    "FLOURESC*", "FLUORIM*", "FLUOROM*", "PHOTOMET*", "POLARIM*", "CIRCULAR DICHROISM",
                    "ANALYSER*", "ANALYZER*", "ANAYLSER*", "ELEMENTAL*", "ELECTROPHOR*", "PCR", "QPCR",
                    "SEQUENC*", "CYTOMET*", "FACS*", "MICROPLATE*", "PLATE READER*", "POTENTIOSTAT*",
                    "AUTOLAB", "AKTA*", "DLS", "UV VIS", "GAS CHRO*", "NANOLC*", "AVANCE*", "MINISPEC*", "MISEQ",
                    "MI SEQ", "TECAN", "QSTAR", "PROSTAR", "PROMINENCE", "HP 6890", "LEED", "EBSD", "CFX",
                    "INVERTED MICR*", "SPINNING DIS*", "ANALYTICAL INSTRUMEN*")),
            Map.entry(NationalCategory.LASER, List.of(
                    "LASER*", "FEMTOLASER*", "FEMTOSECOND*", "FEMOSECOND*", "FETOSECOND*", "SPECTRA PHYSICS", "NDYAG", "OPO", "TI SAPPHIRE", "VERDI", "MILLENIA", "MILLENNIA", "SURELITE",
                    "MIRA")),
            Map.entry(NationalCategory.MEDICAL_DIAGNOSTIC, List.of(
                    "SCANNER*", "MRI", "ULTRASOUND*", "ECG", "EEG", "EMG", "EYE TRACK*", "EYETRACK*",
                    "ELECTROPHYSIOLOG*", "PATCH CLA*")),
            Map.entry(NationalCategory.MARINE, List.of(
                    "SONAR*", "HYDROPHON*", "ECHO SOUND*", "ECHOSOUND*", "EK 60", "CTD", "SEAWATER*", "DEEP SEA")),
            Map.entry(NationalCategory.EARTH_EXPLORATION, List.of(
                    "SEISMO*", "GRAVIMET*", "GROUND PENETRATING*", "MAGNETOTELLURIC*")),
            Map.entry(NationalCategory.ATMOSPHERIC, List.of(
                    "LIDAR", "RADIOSONDE*", "CEILOMET*", "WEATHER STATION*")),
            Map.entry(NationalCategory.ASTRONOMICAL, List.of("TELESCOPE*")),
            Map.entry(NationalCategory.METROLOGY, List.of(
                    "INTERFEROMET*", "WAVELENGTH METER*", "WAVEMETER*", "PROFILOMET*", "COORDINATE MEASURING*",
                    "CMM", "CALIBRAT*")),
            Map.entry(NationalCategory.SPECIAL_INSPECTION, List.of("LEAK DETECT*", "NDT", "FLAW DETECT*")),
            Map.entry(NationalCategory.PROCESS_TEST, List.of(
                    "FURNACE*", "REACTOR*", "AVANTI", "ULTRA LOW TEMP*", "DRYING", "BIOREACTOR*", "FERMENT*", "BIOFLO*", "INCUBAT*", "CENTRIFU*",
                    "ROTOR", "CHILLER*", "FREEZER*", "FREEZI*", "FREEZE DR*", "LYOPHIL*", "AUTOCLAV*",
                    "GLOVE BOX*", "GLOVEBOX*", "EVAPORAT*", "SPUTTER*", "DEPOSITION*", "LITHOGRAPH*",
                    "ELECTRON BEAM*", "E BEAM*", "CLEAN ROOM*", "CLEANROOM*", "SYNTHES*", "MICROWAVE SYN*",
                    "SHAKER*", "CIRCULATOR*", "DEHUMIDIF*", "LIQUIFIER*", "LIQUEFIER*", "MICROINJ*",
                    "MICRO INJECT*", "SAFETY CABINET*", "SAFEFLOW*")),
            Map.entry(NationalCategory.COMPUTING, List.of(
                    "COMPUTER*", "COMPUTING*", "SUPERCOMPUTER*", "WORKSTATION*", "SERVER*", "RS 6000",
                    "INDIGO*", "CLUSTER*", "NODE*", "LAPTOP*", "RAID", "POWEREDGE*", "DELLPOWEREDGE*",
                    "SUN FIRE", "SUN ULTRA", "DGX")));

    private static final List<Map.Entry<NationalCategory, List<Words.Keyword>>> TABLE = TABLE_TEXT.stream()
            .map(e -> Map.entry(e.getKey(), Words.keywords(e.getValue())))
            .toList();

    private CategoryKeywords() {
    }

    /** The category of the first matching table entry; {@link NationalCategory#OTHER} when none matches. */
    static NationalCategory infer(Words words) {
        NationalCategory category = match(words);
        return category != null ? category : NationalCategory.OTHER;
    }

    /** The category of the first matching table entry, or null. */
    static NationalCategory match(Words words) {
        for (Map.Entry<NationalCategory, List<Words.Keyword>> entry : TABLE) {
            for (Words.Keyword keyword : entry.getValue()) {
                if (words.has(keyword)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }
}
