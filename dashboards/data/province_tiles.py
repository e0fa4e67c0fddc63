"""Where each of Thailand's 77 provinces sits on the dashboard's tile-grid map.

code (DOPA 2-digit province code) → (column, row, Thai abbreviation, Latin abbreviation).
Column 0 is the west, row 0 the north; one square tile per province.

Source: the curated layout of Krist Wongsuphasawat's "gridmap-layout-thailand"
(https://github.com/kristw/gridmap-layout-thailand, examples/data/gridmap-layout-thailand.csv),
keyed here by DOPA code instead of province name. Thai abbreviations are the official
two-letter province abbreviations (อักษรย่อจังหวัด), except Bangkok, which keeps its
everyday "กทม". The layout is used under the MIT licence:

    The MIT License (MIT)

    Copyright (c) 2016 Krist Wongsuphasawat

    Permission is hereby granted, free of charge, to any person obtaining a copy
    of this software and associated documentation files (the "Software"), to deal
    in the Software without restriction, including without limitation the rights
    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
    copies of the Software, and to permit persons to whom the Software is
    furnished to do so, subject to the following conditions:

    The above copyright notice and this permission notice shall be included in all
    copies or substantial portions of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
    SOFTWARE.
"""

PROVINCE_TILES: dict[str, tuple[int, int, str, str]] = {
    "10": (3, 9, "กทม", "BKK"),  # Bangkok
    "11": (4, 10, "สป", "SPK"),  # Samut Prakan
    "12": (2, 8, "นบ", "NBI"),  # Nonthaburi
    "13": (3, 8, "ปท", "PTE"),  # Pathum Thani
    "14": (3, 7, "อย", "AYA"),  # Phra Nakhon Si Ayutthaya
    "15": (2, 7, "อท", "ATG"),  # Ang Thong
    "16": (3, 6, "ลบ", "LRI"),  # Lop Buri
    "17": (2, 6, "สห", "SBR"),  # Sing Buri
    "18": (1, 6, "ชน", "CNT"),  # Chai Nat
    "19": (4, 7, "สบ", "SRI"),  # Saraburi
    "20": (4, 9, "ชบ", "CBI"),  # Chon Buri
    "21": (5, 10, "รย", "RYG"),  # Rayong
    "22": (6, 10, "จบ", "CTI"),  # Chanthaburi
    "23": (6, 11, "ตร", "TRT"),  # Trat
    "24": (5, 9, "ฉช", "CCO"),  # Chachoengsao
    "25": (5, 8, "ปจ", "PRI"),  # Prachin Buri
    "26": (4, 8, "นย", "NYK"),  # Nakhon Nayok
    "27": (6, 9, "สก", "SKW"),  # Sa Kaeo
    "30": (5, 7, "นม", "NMA"),  # Nakhon Ratchasima
    "31": (6, 7, "บร", "BRM"),  # Buri Ram
    "32": (7, 7, "สร", "SRN"),  # Surin
    "33": (8, 7, "ศก", "SSK"),  # Si Sa Ket
    "34": (9, 7, "อบ", "UBN"),  # Ubon Ratchathani
    "35": (8, 6, "ยส", "YST"),  # Yasothon
    "36": (4, 6, "ชย", "CPM"),  # Chaiyaphum
    "37": (9, 6, "อจ", "ACR"),  # Amnat Charoen
    "38": (5, 4, "บก", "BKN"),  # Bueng Kan
    "39": (4, 5, "นภ", "NBP"),  # Nong Bua Lam Phu
    "40": (5, 6, "ขก", "KKN"),  # Khon Kaen
    "41": (5, 5, "อด", "UDN"),  # Udon Thani
    "42": (3, 4, "ลย", "LEI"),  # Loei
    "43": (4, 4, "นค", "NKI"),  # Nong Khai
    "44": (6, 6, "มค", "MKM"),  # Maha Sarakham
    "45": (7, 6, "รอ", "RET"),  # Roi Et
    "46": (6, 5, "กส", "KSN"),  # Kalasin
    "47": (6, 4, "สน", "SNK"),  # Sakon Nakhon
    "48": (7, 4, "นพ", "NPM"),  # Nakhon Phanom
    "49": (7, 5, "มห", "MDH"),  # Mukdahan
    "50": (1, 1, "ชม", "CMI"),  # Chiang Mai
    "51": (0, 2, "ลพ", "LPN"),  # Lamphun
    "52": (1, 2, "ลป", "LPG"),  # Lampang
    "53": (3, 2, "อต", "UTT"),  # Uttaradit
    "54": (2, 2, "พร", "PRE"),  # Phrae
    "55": (3, 1, "นน", "NAN"),  # Nan
    "56": (2, 1, "พย", "PYO"),  # Phayao
    "57": (2, 0, "ชร", "CRI"),  # Chiang Rai
    "58": (0, 1, "มส", "MSN"),  # Mae Hong Son
    "60": (2, 5, "นว", "NSN"),  # Nakhon Sawan
    "61": (1, 5, "อน", "UTI"),  # Uthai Thani
    "62": (1, 4, "กพ", "KPT"),  # Kamphaeng Phet
    "63": (0, 3, "ตก", "TAK"),  # Tak
    "64": (1, 3, "สท", "STI"),  # Sukhothai
    "65": (2, 3, "พล", "PLK"),  # Phitsanulok
    "66": (2, 4, "พจ", "PCT"),  # Phichit
    "67": (3, 5, "พช", "PNB"),  # Phetchabun
    "70": (1, 9, "รบ", "RBR"),  # Ratchaburi
    "71": (1, 8, "กจ", "KRI"),  # Kanchanaburi
    "72": (1, 7, "สพ", "SPB"),  # Suphan Buri
    "73": (2, 9, "นฐ", "NPT"),  # Nakhon Pathom
    "74": (3, 10, "สค", "SKN"),  # Samut Sakhon
    "75": (2, 10, "สส", "SKM"),  # Samut Songkhram
    "76": (1, 10, "พบ", "PBI"),  # Phetchaburi
    "77": (1, 11, "ปข", "PKN"),  # Prachuap Khiri Khan
    "80": (2, 14, "นศ", "NRT"),  # Nakhon Si Thammarat
    "81": (1, 14, "กบ", "KBI"),  # Krabi
    "82": (0, 13, "พง", "PNA"),  # Phang-nga
    "83": (0, 14, "ภก", "PKT"),  # Phuket
    "84": (1, 13, "สฎ", "SNI"),  # Surat Thani
    "85": (0, 12, "รน", "RNG"),  # Ranong
    "86": (1, 12, "ชพ", "CPN"),  # Chumphon
    "90": (4, 16, "สข", "SKA"),  # Songkhla
    "91": (3, 16, "สต", "STN"),  # Satun
    "92": (2, 15, "ตง", "TRG"),  # Trang
    "93": (3, 15, "พท", "PLG"),  # Phatthalung
    "94": (5, 16, "ปน", "PTN"),  # Pattani
    "95": (5, 17, "ยล", "YLA"),  # Yala
    "96": (6, 17, "นธ", "NWT"),  # Narathiwat
}
