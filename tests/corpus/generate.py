#!/usr/bin/env python3
"""Generate Hallmark's labelled evaluation corpus (deterministic, seeded).

Run ``python tests/corpus/generate.py``: it rewrites ``brands/*.yaml``,
``tune/`` and ``holdout/`` (``listings.jsonl`` + ``labels.jsonl``) and ``README.md``
byte for byte identically on every run (one ``random.Random(20261124)`` drives
every choice, and every third-party output is sorted before use).

Third-party sources drawn on:
- Unicode confusables (confusable_homoglyphs' ``confusables.json``): Cyrillic, Greek
  and fullwidth look-alikes of Latin letters, chosen programmatically;
- dnstwist's ``Fuzzer`` (omission, repetition, transposition, replacement,
  vowel-swap, bitsquatting) on ``<mark>.com``: typo variants of each mark;
- wordfreq: real words within 1-2 edits of each mark (zipf >= 3, en/fr/es/it/de, ru
  for Cyrillic aliases), words that contain the 3-letter mark, and the weights of the
  filler tag vocabulary; it also proves every typo variant is not a real word;
- Faker: person names, cities, streets, postcodes, user names in en_US, fr_FR, de_DE,
  it_IT, es_ES and zh_CN;
- hand-written listing and post templates (en, es, fr, it, de, zh, ja, ru).
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import random
import string
import unicodedata
from pathlib import Path
from typing import Any

import confusable_homoglyphs
import dnstwist
import wordfreq
import yaml
from faker import Faker

SEED = 20261124
HERE = Path(__file__).resolve().parent
ORDER = ["homoglyph", "leetspeak", "spaced", "typo", "alias", "compound", "hashtag", "exact"]
DISGUISES = {"homoglyph", "leetspeak", "spaced", "typo"}
WORD_LANGS = ["en", "fr", "es", "it", "de"]
TUNE_SHARE = 0.70

# ---------------------------------------------------------------------------------------
# Brands (all invented). Generator-only keys start with an underscore and never reach YAML.
# ---------------------------------------------------------------------------------------
BRANDS: list[dict[str, Any]] = [
    {
        "name": "Montavelli",
        "marks": ["MONTAVELLI"],
        "_display": "Montavelli",
        "aliases": {"zh": "蒙塔维利", "ja": "モンタヴェッリ", "ru": "Монтавелли"},
        "classes": [18],
        "negative_contexts": ["via montavelli", "villa montavelli", "trattoria montavelli"],
        "products": [
            {
                "name": "Saddle bag",
                "category": "handbag",
                "keywords": ["saddle crossbody"],
                "list_price": {"USD": 2400, "EUR": 2200},
                "price_floor": {"USD": 900, "EUR": 850},
                "_generic": True,
            },
            {
                "name": "Dolce tote",
                "category": "handbag",
                "keywords": ["dolce shopper"],
                "list_price": {"USD": 3100, "EUR": 2900},
                "price_floor": {"USD": 1100, "EUR": 1000},
                "_generic": True,
            },
        ],
        "_auth": [
            ("amazon", None),
            ("webstore", "montavelli.com"),
            ("ebay", "montavelli_official"),
        ],
        "_person": "surname",
        "_person_locales": ["it_IT"],
        "_place": ["it"],
    },
    {
        "name": "Louvelle Paris",
        "marks": ["LOUVELLE PARIS"],
        "_display": "Louvelle Paris",
        "aliases": {"zh": "露薇尔巴黎", "ja": "ルヴェル・パリ"},
        "classes": [3],
        "negative_contexts": ["hôtel louvelle paris", "résidence louvelle paris"],
        "products": [
            {
                "name": "Nuit Blanche",
                "category": "fragrance",
                "keywords": ["nuit blanche eau de parfum"],
                "list_price": {"EUR": 185, "USD": 210},
                "price_floor": {"EUR": 85, "USD": 95},
                "_generic": True,
            },
            {
                "name": "Rose Sauvage",
                "category": "fragrance",
                "keywords": [],
                "list_price": {"EUR": 120, "USD": 135},
                "price_floor": {"EUR": 55, "USD": 60},
                "_generic": True,
            },
        ],
        "_auth": [("webstore", "louvelle-paris.fr"), ("amazon", None)],
    },
    {
        "name": "Tessaro Nero",
        "marks": ["TESSARO NERO"],
        "_display": "Tessaro Nero",
        "aliases": {"zh": "泰萨罗内罗", "ja": "テッサロ・ネロ"},
        "classes": [9],
        "negative_contexts": ["vino tessaro nero", "tessaro nero igt"],
        "products": [
            {
                "name": "Aviator TN-01",
                "category": "sunglasses",
                "keywords": ["tn-01", "aviator"],
                "list_price": {"USD": 420, "EUR": 390},
                "price_floor": {"USD": 180, "EUR": 165},
                "_generic": False,
            },
        ],
        "_auth": [("shopify", "tessaronero.myshopify.com"), ("amazon", None)],
    },
    {
        "name": "ARO",
        "marks": ["ARO"],
        "_display": "ARO",
        "_short": True,
        "aliases": {"zh": "阿洛", "ja": "アロ"},
        "classes": [25],
        "negative_contexts": [
            "aro de luz",
            "aros de plata",
            "aros de oro",
            "aro de baloncesto",
            "アロマ",
        ],
        "products": [
            {
                "name": "Tempo runner",
                "category": "running shoes",
                "keywords": ["tempo runner"],
                "list_price": {"USD": 160},
                "price_floor": {"USD": 70},
                "_generic": True,
            },
            {
                "name": "Cloudline Racer",
                "category": "running shoes",
                "keywords": ["cloudline"],
                "list_price": {"USD": 220},
                "price_floor": {"USD": 90},
                "_generic": False,
            },
        ],
        "_auth": [("amazon", None), ("webstore", "arorunning.com")],
    },
    {
        "name": "Juniper",
        "marks": ["JUNIPER"],
        "_display": "Juniper",
        "_common_word": True,
        "aliases": {"zh": "朱尼珀", "ja": "ジュニパー"},
        "classes": [4],
        "negative_contexts": [
            "juniper berries",
            "juniper berry",
            "juniper scented",
            "juniper bonsai",
            "juniper essential oil",
            "juniper tree",
            "ジュニパーベリー",
        ],
        "products": [
            {
                "name": "Cedar & Smoke",
                "_noun": "first",
                "category": "candle",
                "keywords": ["cedar & smoke candle"],
                "list_price": {"USD": 68},
                "price_floor": {"USD": 28},
                "_generic": True,
            },
            {
                "name": "Fig Leaf",
                "_noun": "last",
                "category": "candle",
                "keywords": ["fig leaf reed diffuser"],
                "list_price": {"USD": 82},
                "price_floor": {"USD": 32},
                "_generic": True,
            },
        ],
        "_auth": [("shopify", "juniperhome.myshopify.com"), ("etsy", "JuniperHomeStudio")],
        "_person": "first",
        "_person_locales": ["en_US"],
        "_place": ["en"],
    },
    {
        "name": "Valcroix",
        "marks": ["VALCROIX"],
        "_display": "Valcroix",
        "aliases": {"zh": "瓦尔克鲁瓦", "ja": "ヴァルクロワ", "ru": "Валькруа"},
        "classes": [14],
        "negative_contexts": ["château de valcroix", "valcroix-sur-mer", "chemin de valcroix"],
        "products": [
            {
                "name": "Régate",
                "category": "watch",
                "keywords": ["régate chronograph"],
                "list_price": {"EUR": 5400, "USD": 5900},
                "price_floor": {"EUR": 2400, "USD": 2600},
                "_generic": True,
            },
        ],
        "_auth": [("webstore", "valcroix.ch"), ("amazon", None), ("ebay", "valcroix-official")],
        "_person": "surname",
        "_person_locales": ["fr_FR"],
        "_place": ["fr"],
    },
    {
        "name": "Morvanne",
        "marks": ["MORVANNE"],
        "_display": "Morvanne",
        "aliases": {"zh": "莫尔凡", "ja": "モルヴァンヌ", "ru": "Морванн"},
        "classes": [14],
        "negative_contexts": ["rue morvanne", "lac de morvanne"],
        "products": [
            {
                "name": "Knot bangle",
                "_noun": "first",
                "category": "bracelet",
                "keywords": ["knot bracelet"],
                "list_price": {"USD": 4200, "EUR": 3900},
                "price_floor": {"USD": 1500, "EUR": 1400},
                "_generic": True,
            },
            {
                "name": "Knot ring",
                "_noun": "last",
                "category": "ring",
                "keywords": [],
                "list_price": {"USD": 1900, "EUR": 1750},
                "price_floor": {"USD": 650, "EUR": 600},
                "_generic": True,
            },
        ],
        "_auth": [("webstore", "morvanne.com"), ("amazon", None)],
        "_person": "surname",
        "_person_locales": ["fr_FR", "de_DE"],
        "_place": ["fr", "de"],
    },
    {
        "name": "Zephyra",
        "marks": ["ZEPHYRA"],
        "_display": "Zephyra",
        "aliases": {"zh": "泽菲拉", "ja": "ゼフィラ", "ru": "Зефира"},
        "classes": [3],
        "negative_contexts": ["yacht zephyra", "zephyra charter"],
        "products": [
            {
                "name": "Dew Serum",
                "category": "skincare",
                "keywords": ["dew serum"],
                "list_price": {"USD": 95, "EUR": 89},
                "price_floor": {"USD": 38, "EUR": 35},
                "_generic": True,
            },
        ],
        "_auth": [
            ("amazon", None),
            ("shopify", "zephyra-skin.myshopify.com"),
            ("aliexpress", "1103982214"),
        ],
        "_person": "first",
        "_person_locales": ["en_US", "es_ES"],
    },
    {
        "name": "Kairon",
        "marks": ["KAIRON"],
        "_display": "Kairon",
        "aliases": {"zh": "凯隆", "ja": "カイロン", "ru": "Кайрон"},
        "classes": [9],
        "negative_contexts": ["kairon typeface", "kairon font"],
        "products": [
            {
                "name": "Pulse ANC",
                "_noun": "first",
                "category": "headphones",
                "keywords": ["pulse anc"],
                "list_price": {"USD": 349},
                "price_floor": {"USD": 140},
                "_generic": False,
            },
            {
                "name": "Pulse Buds",
                "_noun": "last",
                "category": "headphones",
                "keywords": ["pulse buds"],
                "list_price": {"USD": 199},
                "price_floor": {"USD": 80},
                "_generic": False,
            },
        ],
        "_auth": [("amazon", None), ("webstore", "kaironaudio.com"), ("ebay", "kairon_audio")],
    },
    {
        "name": "Brixley",
        "marks": ["BRIXLEY"],
        "_display": "Brixley",
        "aliases": {"zh": "布瑞克斯利", "ja": "ブリクスリー"},
        "classes": [25],
        "negative_contexts": ["brixley park", "brixley road"],
        "products": [
            {
                "name": "Summit",
                "category": "jacket",
                "keywords": ["summit parka", "summit down parka"],
                "list_price": {"USD": 650, "EUR": 600},
                "price_floor": {"USD": 260, "EUR": 240},
                "_generic": True,
            },
        ],
        "_auth": [("amazon", None), ("shopify", "brixley-outdoor.myshopify.com")],
        "_person": "surname",
        "_person_locales": ["en_US"],
        "_place": ["en"],
    },
    {
        "name": "Solenne",
        "marks": ["SOLENNE"],
        "_display": "Solenne",
        "aliases": {"zh": "索兰娜", "ja": "ソレンヌ"},
        "classes": [24, 25],
        "negative_contexts": ["sainte-solenne", "sainte solenne"],
        "products": [
            {
                "name": "Carré 90",
                "category": "scarf",
                "keywords": ["carre 90 silk"],
                "list_price": {"EUR": 390, "USD": 420},
                "price_floor": {"EUR": 150, "USD": 160},
                "_generic": True,
            },
        ],
        "_auth": [("webstore", "solenne.fr"), ("amazon", None)],
        "_person": "first",
        "_person_locales": ["fr_FR"],
        "_place": ["fr", "es"],
    },
    {
        "name": "Quintell",
        "marks": ["QUINTELL"],
        "_display": "Quintell",
        "aliases": {"zh": "昆特尔", "ja": "クインテル"},
        "classes": [16],
        "negative_contexts": ["quintell quartet", "quintell street"],
        "products": [
            {
                "name": "Meridian",
                "category": "pen",
                "keywords": ["meridian fountain pen"],
                "list_price": {"USD": 480},
                "price_floor": {"USD": 190},
                "_generic": True,
            },
        ],
        "_auth": [("amazon", None), ("webstore", "quintellpens.com")],
        "_person": "surname",
        "_person_locales": ["en_US"],
        "_place": ["en"],
    },
]

CAT_KEY = {
    "handbag": "handbag",
    "fragrance": "fragrance",
    "sunglasses": "sunglasses",
    "running shoes": "shoes",
    "candle": "candle",
    "watch": "watch",
    "bracelet": "jewelry",
    "ring": "jewelry",
    "skincare": "skincare",
    "headphones": "headphones",
    "jacket": "jacket",
    "scarf": "scarf",
    "pen": "pen",
}

# Real brand names, public figures and rude words that wordfreq lists near our marks;
# they are never used as hard negatives.
NEIGHBOUR_BLOCKLIST = {
    "sephora",
    "lacroix",
    "macron",
    "juncker",
    "britney",
    "merda",
    "cabron",
    "земфира",
    "cabrón",
    "sniper",
}

# ---------------------------------------------------------------------------------------
# Vocabulary per category and language (hand-written)
# ---------------------------------------------------------------------------------------
V: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "handbag": {
        "en": (
            ["leather handbag", "shoulder bag", "crossbody bag", "top handle bag"],
            [
                "full-grain calf leather",
                "gold-tone hardware",
                "adjustable strap",
                "suede lining",
                "magnetic flap closure",
            ],
        ),
        "es": (
            ["bolso de piel", "bolso bandolera", "bolso de hombro"],
            ["piel de becerro", "herrajes dorados", "correa ajustable", "forro de ante"],
        ),
        "fr": (
            ["sac à main en cuir", "sac bandoulière", "sac porté épaule"],
            [
                "cuir de veau pleine fleur",
                "finitions dorées",
                "bandoulière réglable",
                "doublure en suède",
            ],
        ),
        "it": (
            ["borsa in pelle", "borsa a tracolla", "borsa a spalla"],
            ["pelle di vitello", "minuteria dorata", "tracolla regolabile", "fodera in suede"],
        ),
        "de": (
            ["Lederhandtasche", "Umhängetasche", "Schultertasche"],
            [
                "Kalbsleder",
                "goldfarbene Beschläge",
                "verstellbarer Riemen",
                "Innenfutter aus Wildleder",
            ],
        ),
        "zh": (
            ["真皮手提包", "斜挎包", "单肩包"],
            ["头层牛皮", "金色五金", "可调节肩带", "麂皮内衬"],
        ),
    },
    "fragrance": {
        "en": (
            ["eau de parfum 100ml", "perfume spray", "eau de parfum 50ml"],
            [
                "notes of iris, amber and musk",
                "long-lasting sillage",
                "sealed box",
                "refillable bottle",
            ],
        ),
        "es": (
            ["eau de parfum 100 ml", "perfume en spray"],
            ["notas de iris, ámbar y almizcle", "larga duración", "caja sellada"],
        ),
        "fr": (
            ["eau de parfum 100 ml", "parfum vaporisateur"],
            ["notes d'iris, d'ambre et de musc", "sillage longue tenue", "boîte scellée"],
        ),
        "it": (
            ["eau de parfum 100 ml", "profumo spray"],
            ["note di iris, ambra e muschio", "lunga durata", "confezione sigillata"],
        ),
        "de": (
            ["Eau de Parfum 100 ml", "Parfümspray"],
            ["Noten von Iris, Amber und Moschus", "lang anhaltend", "versiegelte Verpackung"],
        ),
        "zh": (["香水100毫升", "淡香精"], ["鸢尾琥珀麝香调", "持久留香", "全新未拆封"]),
    },
    "sunglasses": {
        "en": (
            ["aviator sunglasses", "polarized sunglasses"],
            ["acetate frame", "UV400 lenses", "gradient lenses", "case and cloth included"],
        ),
        "es": (
            ["gafas de sol aviador", "gafas de sol polarizadas"],
            ["montura de acetato", "lentes UV400", "funda incluida"],
        ),
        "fr": (
            ["lunettes de soleil aviateur", "lunettes de soleil polarisées"],
            ["monture en acétate", "verres UV400", "étui inclus"],
        ),
        "it": (
            ["occhiali da sole aviator", "occhiali da sole polarizzati"],
            ["montatura in acetato", "lenti UV400", "custodia inclusa"],
        ),
        "de": (
            ["Pilotenbrille", "polarisierte Sonnenbrille"],
            ["Acetatrahmen", "UV400-Gläser", "Etui inklusive"],
        ),
        "zh": (["飞行员太阳镜", "偏光太阳镜"], ["板材镜框", "UV400镜片", "附眼镜盒"]),
    },
    "shoes": {
        "en": (
            ["running shoes", "road running sneakers", "trainers"],
            ["breathable mesh upper", "carbon plate", "responsive foam midsole", "sizes 36-45"],
        ),
        "es": (
            ["zapatillas de running", "zapatillas deportivas"],
            ["malla transpirable", "placa de carbono", "tallas 36-45"],
        ),
        "fr": (
            ["chaussures de running", "baskets de course"],
            ["tige en mesh respirant", "plaque carbone", "pointures 36-45"],
        ),
        "it": (
            ["scarpe da running", "sneakers da corsa"],
            ["tomaia in mesh traspirante", "piastra in carbonio", "taglie 36-45"],
        ),
        "de": (
            ["Laufschuhe", "Running-Sneaker"],
            ["atmungsaktives Mesh-Obermaterial", "Carbonplatte", "Größen 36-45"],
        ),
        "zh": (["跑步鞋", "运动鞋"], ["透气网面", "碳板", "尺码36-45"]),
    },
    "candle": {
        "en": (
            ["scented candle", "soy wax candle", "reed diffuser"],
            ["hand-poured soy wax", "cotton wick", "50-hour burn time", "amber glass vessel"],
        ),
        "es": (
            ["vela perfumada", "vela de cera de soja", "difusor de varillas"],
            ["cera de soja", "mecha de algodón", "50 horas de combustión"],
        ),
        "fr": (
            ["bougie parfumée", "bougie en cire de soja", "diffuseur à bâtonnets"],
            ["cire de soja coulée à la main", "mèche en coton", "50 heures de combustion"],
        ),
        "it": (
            ["candela profumata", "candela di cera di soia", "diffusore a bastoncini"],
            ["cera di soia", "stoppino in cotone", "50 ore di durata"],
        ),
        "de": (
            ["Duftkerze", "Sojawachskerze", "Raumduft mit Stäbchen"],
            ["handgegossenes Sojawachs", "Baumwolldocht", "50 Stunden Brenndauer"],
        ),
        "zh": (["香薰蜡烛", "大豆蜡蜡烛", "藤条香薰"], ["手工大豆蜡", "棉芯", "燃烧50小时"]),
    },
    "watch": {
        "en": (
            ["chronograph watch", "automatic watch", "men's watch"],
            ["41mm steel case", "sapphire crystal", "automatic movement", "100m water resistant"],
        ),
        "es": (
            ["reloj cronógrafo", "reloj automático"],
            ["caja de acero de 41 mm", "cristal de zafiro", "movimiento automático"],
        ),
        "fr": (
            ["montre chronographe", "montre automatique"],
            ["boîtier acier 41 mm", "verre saphir", "mouvement automatique"],
        ),
        "it": (
            ["orologio cronografo", "orologio automatico"],
            ["cassa in acciaio 41 mm", "vetro zaffiro", "movimento automatico"],
        ),
        "de": (
            ["Chronograph", "Automatikuhr", "Herrenuhr"],
            ["41-mm-Stahlgehäuse", "Saphirglas", "Automatikwerk"],
        ),
        "zh": (["计时腕表", "自动机械表"], ["41毫米精钢表壳", "蓝宝石镜面", "自动机芯"]),
    },
    "jewelry": {
        "en": (
            ["bangle bracelet", "cuff bracelet", "ring"],
            ["18k yellow gold", "rose gold", "pavé diamonds", "gift pouch included"],
        ),
        "es": (
            ["pulsera rígida", "brazalete", "anillo"],
            ["amarillo de 18k", "acabado pulido", "con diamantes"],
        ),
        "fr": (
            ["bracelet jonc", "bracelet manchette", "bague"],
            ["or jaune 18 carats", "or rose", "pavé de diamants"],
        ),
        "it": (
            ["bracciale rigido", "bracciale", "anello"],
            ["giallo 18 kt", "finitura lucida", "pavé di diamanti"],
        ),
        "de": (["Armreif", "Armband", "Ring"], ["18 Karat Gelbgold", "Roségold", "Diamantbesatz"]),
        "zh": (["手镯", "手链", "戒指"], ["18K黄金", "玫瑰金", "镶钻"]),
    },
    "skincare": {
        "en": (
            ["face serum 30ml", "hydrating serum"],
            ["hyaluronic acid", "niacinamide", "fragrance free", "factory sealed"],
        ),
        "es": (
            ["sérum facial 30 ml", "sérum hidratante"],
            ["ácido hialurónico", "niacinamida", "sin perfume"],
        ),
        "fr": (
            ["sérum visage 30 ml", "sérum hydratant"],
            ["acide hyaluronique", "niacinamide", "sans parfum"],
        ),
        "it": (
            ["siero viso 30 ml", "siero idratante"],
            ["acido ialuronico", "niacinamide", "senza profumo"],
        ),
        "de": (
            ["Gesichtsserum 30 ml", "Feuchtigkeitsserum"],
            ["Hyaluronsäure", "Niacinamid", "parfümfrei"],
        ),
        "zh": (["精华液30毫升", "保湿精华"], ["玻尿酸", "烟酰胺", "无香精"]),
    },
    "headphones": {
        "en": (
            ["wireless headphones", "noise cancelling headphones", "wireless earbuds"],
            ["active noise cancelling", "40-hour battery", "USB-C charging", "Bluetooth 5.3"],
        ),
        "es": (
            ["auriculares inalámbricos", "auriculares con cancelación de ruido"],
            ["cancelación activa de ruido", "40 horas de batería", "carga USB-C"],
        ),
        "fr": (
            ["casque sans fil", "casque à réduction de bruit", "écouteurs sans fil"],
            ["réduction de bruit active", "40 h d'autonomie", "charge USB-C"],
        ),
        "it": (
            ["cuffie wireless", "cuffie con cancellazione del rumore", "auricolari wireless"],
            ["cancellazione attiva del rumore", "40 ore di autonomia", "ricarica USB-C"],
        ),
        "de": (
            ["kabellose Kopfhörer", "Noise-Cancelling-Kopfhörer", "In-Ear-Kopfhörer"],
            ["aktive Geräuschunterdrückung", "40 Stunden Akku", "USB-C-Laden"],
        ),
        "zh": (["无线耳机", "降噪耳机", "蓝牙耳机"], ["主动降噪", "40小时续航", "USB-C充电"]),
    },
    "jacket": {
        "en": (
            ["down parka", "winter jacket", "insulated parka"],
            ["waterproof shell", "800-fill down", "detachable hood", "sizes S-XXL"],
        ),
        "es": (
            ["parka de plumas", "chaqueta de invierno"],
            ["exterior impermeable", "relleno de plumón", "capucha desmontable"],
        ),
        "fr": (
            ["parka en duvet", "doudoune"],
            ["coque imperméable", "garnissage duvet", "capuche amovible"],
        ),
        "it": (
            ["parka in piuma", "piumino"],
            ["guscio impermeabile", "imbottitura in piuma", "cappuccio staccabile"],
        ),
        "de": (
            ["Daunenparka", "Winterjacke"],
            ["wasserdichte Außenschicht", "Daunenfüllung", "abnehmbare Kapuze"],
        ),
        "zh": (["羽绒派克大衣", "冬季外套"], ["防水面料", "鹅绒填充", "可拆卸帽子"]),
    },
    "scarf": {
        "en": (
            ["silk scarf 90x90", "silk twill scarf"],
            ["hand-rolled edges", "100% silk twill", "printed pattern"],
        ),
        "es": (
            ["pañuelo de seda 90x90", "fular de seda"],
            ["bordes enrollados a mano", "100% sarga de seda"],
        ),
        "fr": (
            ["carré de soie 90x90", "foulard en soie"],
            ["bords roulottés main", "100 % twill de soie"],
        ),
        "it": (
            ["foulard di seta 90x90", "sciarpa di seta"],
            ["orli arrotolati a mano", "100% twill di seta"],
        ),
        "de": (["Seidentuch 90x90", "Seidenschal"], ["handrollierte Kanten", "100 % Seidentwill"]),
        "zh": (["真丝方巾90x90", "丝巾"], ["手工卷边", "100%真丝斜纹"]),
    },
    "pen": {
        "en": (
            ["fountain pen", "fountain pen with converter"],
            ["14k gold nib", "resin barrel", "medium nib", "gift box"],
        ),
        "es": (["pluma estilográfica"], ["plumín de 14k", "cuerpo de resina", "estuche de regalo"]),
        "fr": (["stylo plume"], ["plume 14 carats", "corps en résine", "coffret cadeau"]),
        "it": (["penna stilografica"], ["pennino 14 kt", "fusto in resina", "confezione regalo"]),
        "de": (["Füllfederhalter", "Füller"], ["14-Karat-Goldfeder", "Harzschaft", "Geschenkbox"]),
        "zh": (["钢笔", "墨水笔"], ["14K金笔尖", "树脂笔杆", "礼盒装"]),
    },
}
JA_NOUN = {
    "handbag": "ハンドバッグ",
    "fragrance": "香水",
    "sunglasses": "サングラス",
    "shoes": "ランニングシューズ",
    "candle": "キャンドル",
    "watch": "腕時計",
    "jewelry": "ブレスレット",
    "skincare": "美容液",
    "headphones": "ヘッドホン",
    "jacket": "ダウンジャケット",
    "scarf": "シルクスカーフ",
    "pen": "万年筆",
}
RU_NOUN = {
    "handbag": "сумку",
    "fragrance": "парфюм",
    "sunglasses": "солнцезащитные очки",
    "shoes": "кроссовки для бега",
    "candle": "свечу",
    "watch": "часы",
    "jewelry": "браслет",
    "skincare": "сыворотку для лица",
    "headphones": "наушники",
    "jacket": "пуховик",
    "scarf": "шёлковый платок",
    "pen": "перьевую ручку",
}
COLORS = {
    "en": ["black", "cognac", "ivory", "navy", "burgundy", "gold", "silver", "olive", "taupe"],
    "es": ["negro", "coñac", "marfil", "azul marino", "burdeos", "dorado", "plateado"],
    "fr": ["noir", "cognac", "ivoire", "bleu marine", "bordeaux", "doré", "argenté"],
    "it": ["nero", "cognac", "avorio", "blu navy", "bordeaux", "dorato", "argento"],
    "de": ["schwarz", "cognac", "elfenbein", "marineblau", "bordeaux", "gold", "silber"],
    "zh": ["黑色", "棕色", "米白色", "藏青色", "酒红色", "金色", "银色"],
}
# Filler tag vocabulary; wordfreq weights which ones appear most.
TAG_WORDS = {
    "en": [
        "gift",
        "women",
        "men",
        "luxury",
        "vintage",
        "elegant",
        "summer",
        "winter",
        "classic",
        "new",
        "sale",
        "christmas",
        "birthday",
        "fashion",
        "designer",
        "quality",
        "trendy",
    ],
    "es": [
        "regalo",
        "mujer",
        "hombre",
        "lujo",
        "moda",
        "verano",
        "invierno",
        "clásico",
        "nuevo",
        "oferta",
        "navidad",
        "elegante",
    ],
    "fr": [
        "cadeau",
        "femme",
        "homme",
        "luxe",
        "mode",
        "été",
        "hiver",
        "classique",
        "neuf",
        "promo",
        "noël",
        "élégant",
    ],
    "it": [
        "regalo",
        "donna",
        "uomo",
        "lusso",
        "moda",
        "estate",
        "inverno",
        "classico",
        "nuovo",
        "saldi",
        "natale",
        "elegante",
    ],
    "de": [
        "Geschenk",
        "Damen",
        "Herren",
        "Luxus",
        "Mode",
        "Sommer",
        "Winter",
        "klassisch",
        "neu",
        "Angebot",
        "Weihnachten",
        "elegant",
    ],
}
TAG_LABEL = {"en": "Tags", "es": "Etiquetas", "fr": "Mots-clés", "it": "Tag", "de": "Stichwörter"}
POST_TAGS = [
    "#ootd",
    "#style",
    "#fashion",
    "#luxury",
    "#newin",
    "#gift",
    "#instagood",
    "#shopping",
    "#trending",
    "#fyp",
    "#haul",
    "#musthave",
]
CAT_TAGS = {
    "handbag": ["#bagsofinstagram", "#handbag"],
    "fragrance": ["#perfume", "#fragrance"],
    "sunglasses": ["#sunglasses", "#eyewear"],
    "shoes": ["#running", "#sneakers"],
    "candle": ["#candles", "#homedecor"],
    "watch": ["#watches", "#wristshot"],
    "jewelry": ["#jewelry", "#bracelet"],
    "skincare": ["#skincare", "#serum"],
    "headphones": ["#headphones", "#audio"],
    "jacket": ["#outdoor", "#winterstyle"],
    "scarf": ["#silkscarf", "#scarf"],
    "pen": ["#fountainpen", "#stationery"],
}
COMPOUND_SUFFIX = {
    "handbag": ["bag", "bags", "tote"],
    "fragrance": ["parfum", "perfume"],
    "sunglasses": ["sunglasses", "eyewear", "shades"],
    "shoes": ["running"],
    "candle": ["home"],
    "watch": ["watch", "watches", "chrono"],
    "jewelry": ["bracelet", "jewelry", "bangle"],
    "skincare": ["serum", "skin"],
    "headphones": ["audio", "headphones", "buds"],
    "jacket": ["parka", "jacket", "outdoor"],
    "scarf": ["scarf", "silk"],
    "pen": ["pen", "pens"],
}
GENERIC_SUFFIX = ["outlet", "store", "style", "shop", "sale", "women"]

# ---------------------------------------------------------------------------------------
# Sentence templates. Slots: B brand surface, P product, N noun, C colour, D/D2 details,
# CITY, YEAR, NAME. Only templates listed as branded contain {B}.
# ---------------------------------------------------------------------------------------
TITLE_B = {
    "en": [
        "{B} {P} {N} {C}",
        "{B} {N} – {D}, {C}",
        "New {B} {P} {N} for Women, {C}",
        "{B} {P} {N} with {D}",
    ],
    "es": ["{B} {P} {N} {C}", "{N} {B} {P} – {D}", "{B} {N} {C} nuevo con etiqueta"],
    "fr": ["{B} {P} {N} {C}", "{N} {B} {P} – {D}", "{B} {N} {C} neuf avec étiquette"],
    "it": ["{B} {P} {N} {C}", "{N} {B} {P} – {D}", "{B} {N} {C} nuovo con cartellino"],
    "de": ["{B} {P} {N} {C}", "{N} {B} {P} – {D}", "{B} {N} {C} neu mit Etikett"],
    "zh": ["{B}{N}{C}{D}", "新款{B}{N}{C}", "{B}{N}{D}包邮"],
}
TITLE_N = {
    "en": ["{N} {C} – {D}", "Women's {N}, {C}, {D}", "{C} {N} with {D}"],
    "es": ["{N} {C} – {D}", "{N} para mujer {C}, {D}"],
    "fr": ["{N} {C} – {D}", "{N} femme {C}, {D}"],
    "it": ["{N} {C} – {D}", "{N} donna {C}, {D}"],
    "de": ["{N} {C} – {D}", "Damen {N} {C}, {D}"],
    "zh": ["{N}{C}{D}", "新款{N}{C}包邮"],
}
TITLE_WORDING = {
    "en": [" Replica 1:1", " 1:1 AAA", " Mirror Quality", " Dupe", " AAA+ Quality"],
    "es": [" réplica 1:1", " copia AAA"],
    "fr": [" réplique 1:1", " copie AAA"],
    "it": [" replica 1:1", " copia AAA"],
    "de": [" Replik 1:1", " 1:1 Kopie"],
    "zh": ["高仿", "A货", "一比一", "复刻"],
}
TITLE_PAD = {
    "en": " – Free Shipping",
    "es": " – envío gratis",
    "fr": " – livraison offerte",
    "it": " – spedizione gratuita",
    "de": " – kostenloser Versand",
    "zh": "顺丰包邮正品包装",
}
OPEN_B = {
    "en": [
        "{B} {P} {N} in {C}, {D}.",
        "Brand new {B} {N} in {C} with {D}.",
        "Selling a {B} {P} {N}, colour {C}.",
        "{B} {N} ({P}) – {D}, {D2}.",
    ],
    "es": [
        "{B} {P} {N} en color {C}, {D}.",
        "{N} {B} nuevo, color {C}, {D}.",
        "Vendo {B} {P}, {N} color {C}.",
    ],
    "fr": [
        "{B} {P} {N} coloris {C}, {D}.",
        "{N} {B} neuf, coloris {C}, {D}.",
        "Je vends un {B} {P}, {N} {C}.",
    ],
    "it": [
        "{B} {P} {N} colore {C}, {D}.",
        "{N} {B} nuovo, colore {C}, {D}.",
        "Vendo {B} {P}, {N} {C}.",
    ],
    "de": [
        "{B} {P} {N} in {C}, {D}.",
        "Neu: {B} {N} in {C}, {D}.",
        "Verkaufe {B} {P}, {N} in {C}.",
    ],
    "zh": ["{B}{N}，{C}，{D}。", "全新{B}{N}，颜色{C}，{D}。"],
}
OPEN_N = {
    "en": ["Brand new {N} in {C}, {D}.", "Beautiful {C} {N} with {D}.", "{N} in {C}: {D}, {D2}."],
    "es": ["{N} nuevo en color {C}, {D}.", "Precioso {N} {C} con {D}."],
    "fr": ["{N} neuf coloris {C}, {D}.", "Superbe {N} {C}, {D}."],
    "it": ["{N} nuovo colore {C}, {D}.", "Bellissimo {N} {C}, {D}."],
    "de": ["Neu: {N} in {C}, {D}.", "Schönes {N} in {C}, {D}."],
    "zh": ["全新{N}，颜色{C}，{D}。", "{N}{C}，{D}。"],
}
DET = {
    "en": ["Features: {D} and {D2}.", "{D}, {D2}.", "Details: {D2}."],
    "es": ["Características: {D} y {D2}.", "{D}, {D2}."],
    "fr": ["Caractéristiques : {D} et {D2}.", "{D}, {D2}."],
    "it": ["Caratteristiche: {D} e {D2}.", "{D}, {D2}."],
    "de": ["Merkmale: {D} und {D2}.", "{D}, {D2}."],
    "zh": ["特点：{D}，{D2}。", "{D}，{D2}。"],
}
SHIP = {
    "en": [
        "Fast shipping from {CITY}.",
        "Ships within 24 hours, tracked delivery.",
        "Free worldwide shipping, 7-15 days.",
        "Returns accepted within 30 days.",
    ],
    "es": [
        "Envío rápido desde {CITY}.",
        "Envío en 24 horas con seguimiento.",
        "Envío gratis a toda Europa.",
    ],
    "fr": [
        "Expédition rapide depuis {CITY}.",
        "Envoi sous 24 h avec suivi.",
        "Livraison offerte dans toute l'Europe.",
    ],
    "it": [
        "Spedizione veloce da {CITY}.",
        "Spedizione in 24 ore con tracciamento.",
        "Spedizione gratuita in tutta Europa.",
    ],
    "de": [
        "Schneller Versand aus {CITY}.",
        "Versand innerhalb von 24 Stunden.",
        "Kostenloser Versand in die EU.",
    ],
    "zh": ["{CITY}发货，顺丰包邮。", "24小时内发货。", "全国包邮，支持七天无理由退换。"],
}
W_N = {
    "en": [
        "Replica 1:1, mirror quality, looks identical to the original.",
        "AAA quality, nobody can tell the difference.",
        "Logo hidden for shipping, unbranded packaging.",
        "DM for price and real photos.",
        "Top dupe, same materials as the boutique piece.",
        "1:1 quality, comes with box and dust bag.",
    ],
    "es": [
        "Réplica 1:1 calidad espejo, idéntica al original.",
        "Copia AAA, nadie nota la diferencia.",
        "Réplica AAA con caja y bolsa.",
    ],
    "fr": [
        "Réplique 1:1 qualité miroir, identique à l'original.",
        "Copie AAA, personne ne verra la différence.",
        "Réplique 1:1 avec boîte.",
    ],
    "it": [
        "Replica 1:1 qualità specchio, identica all'originale.",
        "Copia AAA, nessuno noterà la differenza.",
        "Replica 1:1 con scatola.",
    ],
    "de": [
        "Replik 1:1 in Spiegelqualität, identisch zum Original.",
        "AAA-Kopie, kein Unterschied erkennbar.",
        "1:1 Kopie mit Box.",
    ],
    "zh": ["高仿一比一，细节做工与专柜一致。", "A货精品，看不出区别。", "精仿复刻，隐藏logo发货。"],
}
W_B = {
    "en": [
        "Dupe of the {B} {P} – same look for a fraction of the price.",
        "Inspired by {B}, 1:1 quality.",
        "{B} replica, AAA grade.",
        "Mirror quality {B}, DM for price.",
    ],
    "es": ["Réplica de {B} {P}, calidad AAA.", "Inspirado en {B}, calidad 1:1."],
    "fr": ["Réplique {B} {P}, qualité AAA.", "Inspiré de {B}, qualité 1:1."],
    "it": ["Replica {B} {P}, qualità AAA.", "Ispirata a {B}, qualità 1:1."],
    "de": ["{B} {P} Replik, AAA-Qualität.", "Inspiriert von {B}, 1:1 Qualität."],
    "zh": ["{B}高仿，一比一复刻。", "{B}原单A货，做工精细。"],
}
PROMO_B = {
    "en": [
        "New arrivals just landed 🔥 {B} {P} {N} in {C}.",
        "Restocked: {B} {N}, {D}. Limited pieces!",
        "Who wants this {B} {N}? 😍 {D}.",
    ],
    "es": ["Novedades 🔥 {B} {P}, {N} {C}.", "¡Reposición! {B} {N}, {D}."],
    "fr": ["Nouveautés 🔥 {B} {P}, {N} {C}.", "Retour en stock : {B} {N}, {D}."],
    "it": ["Nuovi arrivi 🔥 {B} {P}, {N} {C}.", "Di nuovo disponibile: {B} {N}, {D}."],
    "de": ["Neu eingetroffen 🔥 {B} {P}, {N} in {C}.", "Wieder da: {B} {N}, {D}."],
    "zh": ["新品到货🔥{B}{N}，{C}。", "补货啦！{B}{N}，{D}。"],
}
PROMO_N = {
    "en": [
        "New arrivals just landed 🔥 {N} in {C}, {D}.",
        "Restocked: {N} in {C}. Limited pieces!",
        "Gold, steel or {C}? 😍 {N}, {D}.",
    ],
    "es": ["Novedades 🔥 {N} {C}, {D}.", "¡Reposición! {N} {C}."],
    "fr": ["Nouveautés 🔥 {N} {C}, {D}.", "Retour en stock : {N} {C}."],
    "it": ["Nuovi arrivi 🔥 {N} {C}, {D}.", "Di nuovo disponibile: {N} {C}."],
    "de": ["Neu eingetroffen 🔥 {N} in {C}, {D}.", "Wieder da: {N} in {C}."],
    "zh": ["新品到货🔥{N}，{C}，{D}。", "补货啦！{N}{C}。"],
}
CTA = {
    "en": ["Link in bio 👆", "Worldwide shipping 📦", "Tag a friend who needs this!"],
    "es": ["Enlace en la bio 👆", "Envíos a todo el mundo 📦"],
    "fr": ["Lien en bio 👆", "Livraison partout 📦"],
    "it": ["Link in bio 👆", "Spedizioni ovunque 📦"],
    "de": ["Link in der Bio 👆", "Weltweiter Versand 📦"],
    "zh": ["主页有链接👆", "全球发货📦"],
}
FAN = {
    "en": [
        "Finally treated myself to the {B} {P} 😍 {D}.",
        "Five years with my {B} {N} and it still looks new.",
        "Outfit of the day with my {B} {N} in {C} ✨",
        "Birthday present from {NAME}: a {B} {P}! So happy 💕",
    ],
    "es": ["Por fin me di el capricho: {B} {P} 😍 {D}.", "Look del día con mi {N} {B} en {C} ✨"],
    "fr": ["Enfin craqué pour le {B} {P} 😍 {D}.", "Tenue du jour avec mon {N} {B} {C} ✨"],
    "it": ["Finalmente mi sono regalata {B} {P} 😍 {D}.", "Outfit del giorno con {B} {N} {C} ✨"],
    "de": ["Endlich gegönnt: {B} {P} 😍 {D}.", "Outfit des Tages mit {B} {N} in {C} ✨"],
    "zh": ["终于入手了{B}{N}😍{D}。", "今日穿搭，搭配{B}{N}✨"],
}
FAN_MORE = {
    "en": [
        "Saved for months for this one.",
        "Bought it at the boutique in {CITY}.",
        "Best purchase of the year, no regrets.",
    ],
    "es": ["Ahorré meses para esto.", "Comprado en la boutique de {CITY}."],
    "fr": ["Des mois d'économies pour celui-ci.", "Acheté en boutique à {CITY}."],
    "it": ["Ho risparmiato mesi per questo.", "Comprato in boutique a {CITY}."],
    "de": ["Monatelang darauf gespart.", "In der Boutique in {CITY} gekauft."],
    "zh": [
        "攒了好几个月的钱。",
        "在{CITY}专柜买的。",
        "颜色很正，上身效果特别好，质感也很棒。",
        "身边的朋友都说好看，真的很推荐。",
        "下次想再入手一个别的颜色。",
        "每天出门都离不开它，越用越喜欢。",
    ],
}
SECONDHAND_T = {
    "en": "Pre-owned {B} {P} {N} {C} with Original Receipt",
    "es": "{B} {P} {N} de segunda mano con ticket de compra",
    "fr": "{B} {P} {N} d'occasion avec facture d'achat",
    "it": "{B} {P} {N} usato con scontrino originale",
    "de": "{B} {P} {N} gebraucht mit Originalrechnung",
}
SECONDHAND_X = {
    "en": [
        "Pre-owned {B} {P}, bought at the {B} boutique in {CITY} in {YEAR}.",
        "Original receipt, box and dust bag included.",
        "Light signs of wear, see photos. Selling because I rarely use it.",
        "Happy to meet in person to inspect.",
    ],
    "es": [
        "{B} {P} de segunda mano, comprado en la boutique {B} de {CITY} en {YEAR}.",
        "Incluye ticket de compra original, caja y bolsa.",
        "Ligeras marcas de uso, ver fotos.",
    ],
    "fr": [
        "{B} {P} d'occasion, acheté en boutique {B} à {CITY} en {YEAR}.",
        "Facture d'origine, boîte et pochette fournies.",
        "Légères traces d'usage.",
    ],
    "it": [
        "{B} {P} usato, acquistato nella boutique {B} di {CITY} nel {YEAR}.",
        "Scontrino originale, scatola e sacchetto inclusi.",
        "Lievi segni d'uso.",
    ],
    "de": [
        "Gebrauchte {B} {P}, gekauft in der {B} Boutique in {CITY} im Jahr {YEAR}.",
        "Originalrechnung, Box und Staubbeutel dabei.",
        "Leichte Gebrauchsspuren.",
    ],
}
AUTH_T = {
    "en": "{B} {P} {N} {C} | Official {B} Store",
    "es": "{B} {P} {N} {C} | Tienda oficial {B}",
    "fr": "{B} {P} {N} {C} | Boutique officielle {B}",
    "it": "{B} {P} {N} {C} | Negozio ufficiale {B}",
    "de": "{B} {P} {N} {C} | Offizieller {B} Store",
}
AUTH_X = {
    "en": [
        "Official {B} store. {B} {P} {N} in {C}, {D}.",
        "Authentic, with 2-year international warranty and gift packaging.",
        "Free returns within 30 days.",
    ],
    "es": [
        "Tienda oficial {B}. {B} {P}, {N} {C}, {D}.",
        "Auténtico, con garantía internacional de 2 años.",
    ],
    "fr": [
        "Boutique officielle {B}. {B} {P}, {N} {C}, {D}.",
        "Authentique, garantie internationale de 2 ans.",
    ],
    "it": [
        "Negozio ufficiale {B}. {B} {P}, {N} {C}, {D}.",
        "Autentico, con garanzia internazionale di 2 anni.",
    ],
    "de": [
        "Offizieller {B} Store. {B} {P}, {N} in {C}, {D}.",
        "Original mit 2 Jahren internationaler Garantie.",
    ],
}
EXTRA = {
    "en": [
        "Photos show the actual item.",
        "Please check measurements before ordering.",
        "Message me with any questions.",
        "Gift wrapping available on request.",
        "Colour may vary slightly due to lighting.",
    ],
    "es": [
        "Las fotos muestran el artículo real.",
        "Consúltame cualquier duda.",
        "Posibilidad de envoltorio de regalo.",
        "El color puede variar ligeramente según la luz.",
    ],
    "fr": [
        "Photos de l'article réel.",
        "N'hésitez pas à me poser vos questions.",
        "Emballage cadeau possible sur demande.",
        "La couleur peut légèrement varier selon l'éclairage.",
    ],
    "it": [
        "Foto dell'articolo reale.",
        "Scrivetemi per qualsiasi domanda.",
        "Confezione regalo su richiesta.",
        "Il colore può variare leggermente in base alla luce.",
    ],
    "de": [
        "Fotos zeigen den echten Artikel.",
        "Bei Fragen gerne melden.",
        "Geschenkverpackung auf Wunsch.",
        "Farbe kann je nach Licht leicht abweichen.",
    ],
    "zh": [
        "实物拍摄，颜色以实物为准。",
        "下单请备注颜色和尺码。",
        "量大从优，欢迎咨询。",
        "支持验货，不满意包退。",
        "精美礼盒包装，送礼自用皆宜。",
        "工厂直销，价格实惠。",
        "有任何问题请随时联系客服。",
    ],
}
JA_T = [
    "【{A}】{NJ} 新品未使用 人気モデル 送料無料 即日発送",
    "{A} {NJ} 新作 限定カラー 送料無料 箱付き",
]
JA_X = [
    "{A}の{NJ}です。",
    "新作入荷しました✨",
    "人気モデル、数量限定です。",
    "新品未使用、箱付き。",
    "即日発送、全国送料無料。",
    "ご質問はお気軽にどうぞ。",
    "丁寧に梱包してお届けします。",
    "プレゼントにも最適です。",
    "海外倉庫から発送のため、お届けまで7〜14日ほどかかります。",
    "在庫限りの特別価格です。",
]
RU_T = [
    "{A}: продаю {NR}, новая коллекция, доставка по миру",
    "Продаю {NR} {A}, в наличии все цвета",
]
RU_X = [
    "Продаю {NR} {A}.",
    "Новая коллекция, в наличии все цвета.",
    "Доставка по всему миру.",
    "Отвечаю быстро, пишите.",
    "Фото реального товара.",
    "Упаковка в подарочную коробку.",
    "Отправка в течение двух дней после оплаты.",
]

UNRELATED = [
    (
        "en",
        "Silicone Phone Case for 6.1-inch Phones, Shockproof, {C}",
        "Slim silicone case with "
        "raised edges to protect screen and camera. Microfiber lining, precise cutouts, supports "
        "wireless charging.",
        (6, 15),
    ),
    (
        "en",
        "Non-Slip Yoga Mat 6mm, Extra Thick, with Carry Strap, {C}",
        "Eco-friendly TPE yoga "
        "mat, 183 x 61 cm, double-sided texture for grip. Lightweight and easy to clean. Great for "
        "pilates and home workouts.",
        (18, 35),
    ),
    (
        "en",
        "Manual Coffee Grinder with Ceramic Burr, Adjustable Coarseness",
        "Stainless steel "
        "hand grinder with 40 grind settings, from espresso to French press. Holds 30 g of beans. "
        "Quiet, portable, easy to take apart for cleaning.",
        (22, 49),
    ),
    (
        "en",
        "Reflective Dog Leash 1.5 m with Padded Handle, {C}",
        "Strong nylon leash for medium "
        "and large dogs, reflective stitching for night walks, padded neoprene handle and "
        "swivel clip.",
        (9, 19),
    ),
    (
        "en",
        "LED Desk Lamp with USB Charging Port, 5 Brightness Levels",
        "Dimmable desk lamp with "
        "touch control, 3 colour temperatures and a 1-hour timer. Flexible gooseneck, USB-A port "
        "to charge your phone.",
        (19, 39),
    ),
    (
        "en",
        "Kids Balance Bike 12 inch, Lightweight Aluminium Frame, {C}",
        "Balance bike for "
        "children aged 2 to 5, adjustable seat and handlebar, puncture-proof tyres. Assembly in "
        "5 minutes.",
        (49, 89),
    ),
    (
        "en",
        "Expandable Garden Hose 30 m with 10-Function Spray Nozzle",
        "Lightweight hose "
        "that expands to 30 m and shrinks back after use. Brass fittings, kink-free latex core, "
        "storage bag included.",
        (25, 45),
    ),
    (
        "en",
        "Family Board Game – Strategy and Trading, 2-5 Players, Ages 10+",
        "Complete set in "
        "very good condition, all cards and tokens counted. Played a handful of times, box shows "
        "light shelf wear.",
        (15, 30),
    ),
    (
        "es",
        "Juego de sartenes antiadherentes 3 piezas, aptas para inducción",
        "Sartenes de "
        "aluminio forjado de 20, 24 y 28 cm con revestimiento antiadherente sin PFOA. Mango "
        "ergonómico, aptas para todo tipo de cocinas.",
        (29, 59),
    ),
    (
        "es",
        "Mochila escolar ergonómica con compartimento para portátil, color {C}",
        "Mochila "
        "de 25 litros con respaldo acolchado, bolsillo para botella y compartimento para portátil "
        "de 15 pulgadas. Tejido resistente al agua.",
        (19, 39),
    ),
    (
        "fr",
        "Cafetière à piston 1 L en verre borosilicaté, filtre inox",
        "Cafetière à piston "
        "pour 8 tasses, verre résistant à la chaleur et filtre en acier inoxydable à trois "
        "couches. Passe au lave-vaisselle.",
        (15, 29),
    ),
    (
        "fr",
        "Tapis de souris XXL 90x40 cm, bords cousus, couleur {C}",
        "Grand tapis de souris "
        "gaming avec base antidérapante en caoutchouc et surface en tissu lisse. Idéal pour "
        "clavier et souris.",
        (9, 19),
    ),
    (
        "it",
        "Set di coltelli da cucina 6 pezzi con ceppo in legno",
        "Coltelli in acciaio inox "
        "con lama affilata e manico ergonomico. Il set comprende coltello da chef, da pane, da "
        "pomodoro e spelucchino.",
        (29, 59),
    ),
    (
        "it",
        "Tenda da campeggio 3 posti impermeabile, montaggio rapido",
        "Tenda a cupola per "
        "tre persone con doppio tetto impermeabile, zanzariera e borsa di trasporto. Peso 3,2 kg, "
        "si monta in 5 minuti.",
        (49, 99),
    ),
    (
        "de",
        "Wasserkocher Edelstahl 1,7 l mit Temperaturwahl, 2200 W",
        "Schnellkochender "
        "Wasserkocher mit 5 Temperaturstufen, Warmhaltefunktion und Kalkfilter. Abschaltautomatik "
        "und Trockengehschutz.",
        (29, 49),
    ),
    (
        "de",
        "Fahrradhelm für Erwachsene mit LED-Rücklicht, Größe M, {C}",
        "Leichter Helm mit "
        "17 Belüftungsöffnungen, abnehmbarem Visier und wiederaufladbarem LED-Rücklicht. "
        "Verstellbar von 54 bis 58 cm.",
        (29, 59),
    ),
    (
        "zh",
        "家用多功能电饭煲4升 智能预约 不粘内胆 煮饭煲汤煮粥 一键操作 全国联保",
        "4升大容量电饭煲，支持预约定时、煮粥、煲汤等多种功能。"
        "不粘内胆，易清洗，一键操作，适合三到六人家庭使用，全国联保一年。"
        "机身小巧不占地方，附送量杯和饭勺，支持货到付款。",
        (29, 59),
    ),
    (
        "zh",
        "儿童益智积木500片 兼容大颗粒 收纳盒装 环保材质 生日礼物 早教玩具",
        "500片彩色积木，环保材质，边角圆润不伤手。附送收纳盒和"
        "拼搭图纸，适合三岁以上儿童，培养动手能力和想象力。"
        "颗粒大小适中，不易误吞，家长可放心陪孩子一起拼搭，周末亲子时光好选择。",
        (15, 35),
    ),
]
UNRELATED_POSTS = [
    (
        "en",
        "Sunday hike above the lake with the dog 🐕 legs are done, heart is full. "
        "#weekend #hiking #doglife",
    ),
    (
        "en",
        "Tried the new ramen place downtown tonight 🍜 broth was incredible, the wait "
        "was not. Worth it though. #foodie #ramen",
    ),
    (
        "en",
        "Finished my first quilt after three months of evenings! Pattern is a simple "
        "log cabin in blues and greys. #quilting #handmade",
    ),
    (
        "es",
        "Atardecer en la playa después de una semana de lluvia 🌅 por fin un poco de sol. "
        "#playa #atardecer",
    ),
    (
        "fr",
        "Premier marché de Noël de la saison ✨ vin chaud, bretzels et lumières partout. "
        "#noel #marchedenoel",
    ),
    (
        "it",
        "Pasta fatta in casa la domenica con la nonna 🍝 tagliatelle al ragù come una "
        "volta. #cucinaitaliana #domenica",
    ),
    (
        "de",
        "Erster Schnee im Garten ❄️ die Kinder sind nicht mehr zu halten. Schlitten ist "
        "schon aus dem Keller geholt. #winter #schnee",
    ),
    (
        "zh",
        "周末去郊外爬山，天气特别好，山顶的风景太美了，一路上还看到了很多野花和小松鼠。"
        "带了自己做的三明治和热茶，在山顶坐了一个小时才下山，下次还要再来！#周末 #爬山 #风景",
    ),
]
WORDING_LOOKALIKE = [
    (
        "en",
        "Wireless Mouse 2.4 GHz, Silent Click, Uses 2 AAA Batteries (Not Included)",
        "Ergonomic wireless mouse with USB nano receiver, 1600 DPI, silent buttons. Powered by two "
        "AAA batteries, up to 12 months of use. Works with Windows and macOS.",
        (9, 19),
    ),
    (
        "en",
        "TV Remote Control Replacement, Requires AAA Batteries, Universal",
        "Universal replacement remote, no programming needed for most models. Requires two AAA "
        "batteries, not included. Large buttons for easy use.",
        (7, 14),
    ),
    (
        "en",
        "1:18 Scale Die-Cast Model Car, Classic Roadster, Opening Doors",
        "Detailed 1:18 scale die-cast metal model with opening doors, bonnet and boot, rubber "
        "tyres and display base. For collectors aged 14+.",
        (29, 59),
    ),
    (
        "en",
        "Bathroom Mirror 60x80 cm with LED Lighting and Anti-Fog Pad",
        "Wall-mounted bathroom mirror with touch switch, warm to cool white LED and anti-fog "
        "heating pad. IP44 rated, easy installation.",
        (69, 129),
    ),
    (
        "en",
        "Botanical Wall Art Set of 3, Inspired by Nature, Unframed A4 Prints",
        "Set of three botanical prints inspired by nature walks: fern, eucalyptus and olive "
        "branch. Printed on 250 g matte paper, frames not included.",
        (15, 29),
    ),
    (
        "de",
        "Rasierspiegel mit 10-facher Vergrößerung und LED-Beleuchtung",
        "Kosmetikspiegel mit Saugnapf, 360 Grad drehbar, 10-fache Vergrößerung. Betrieb mit drei "
        "AAA Batterien. Ideal für Bad und Reise.",
        (12, 25),
    ),
    (
        "fr",
        "Maquette voiture échelle 1:24 à monter, avec peinture et colle",
        "Kit de maquette à l'échelle 1:24 avec 120 pièces, peintures, pinceau et colle inclus. "
        "Notice illustrée, à partir de 12 ans.",
        (19, 35),
    ),
    (
        "es",
        "Mando para consola compatible, funciona con pilas AAA",
        "Mando inalámbrico con vibración y botones programables. Funciona con dos pilas AAA "
        "(no incluidas). Conexión Bluetooth estable.",
        (15, 29),
    ),
]
# Natural frames for some dictionary neighbours (used when wordfreq lists the word nearby).
NATURAL = {
    "junior": (
        "en",
        "Junior Football Boots, Firm Ground, Size 4, {C}",
        "Junior football boots worn for half a season, studs in good shape, cleaned and "
        "ready to go. Size 4 (EU 37). Collection or postage available.",
    ),
    "jumper": (
        "en",
        "Women's Cable Knit Jumper, Wool Blend, {C}, Size M",
        "Chunky cable knit jumper in a soft wool blend, relaxed fit, ribbed cuffs and "
        "hem. Worn twice, no bobbling. Smoke-free home.",
    ),
    "jupiter": (
        "en",
        "Beginner Telescope 70mm Refractor – See Jupiter's Moons and Saturn",
        "70 mm refractor with tripod, two eyepieces and a phone adapter. Easy to set "
        "up; Jupiter's moons and Saturn's rings are clearly visible.",
    ),
    "nouvelle": (
        "fr",
        "Affiche vintage « Nouvelle Paris » 1956, lithographie 50x70 cm",
        "Affiche de voyage d'époque intitulée « Nouvelle Paris », lithographie "
        "originale 1956, légères pliures. Idéale pour un salon ou une entrée.",
    ),
    "tessuto": (
        "it",
        "Tessuto nero in cotone per tende, 3 metri x 140 cm",
        "Tessuto nero in puro cotone, altezza 140 cm, taglio da 3 metri. Ideale per "
        "tende, cuscini e sartoria. Lavabile a 40 gradi.",
    ),
    "tesoro": (
        "it",
        "Libro per bambini «Tesoro nero» – caccia al tesoro dei pirati",
        "Libro illustrato per bambini dai 6 anni: una caccia al tesoro tra pirati e "
        "isole misteriose. Copertina rigida, come nuovo.",
    ),
    "brille": (
        "de",
        "Brille Etui aus Leder mit Magnetverschluss, {C}",
        "Stabiles Etui für Brille und Sonnenbrille, echtes Leder, weiches Innenfutter, "
        "Magnetverschluss. Passt für die meisten Fassungen.",
    ),
    "brillen": (
        "de",
        "Brillen-Reinigungsspray 2 x 50 ml mit Mikrofasertuch",
        "Reinigungsspray für Brillen und Displays, streifenfrei, mit zwei "
        "Mikrofasertüchern. Alkoholfrei und materialschonend.",
    ),
    "iron": (
        "en",
        "Steam Iron 2400W with Ceramic Soleplate and Anti-Drip",
        "Powerful steam iron with ceramic soleplate, 300 ml tank, self-clean and "
        "anti-calc functions. Auto shut-off for safety.",
    ),
    "maison": (
        "fr",
        "Confiture fait maison abricot 6 pots de 250 g",
        "Confiture d'abricots fait maison, cuite au chaudron en cuivre, peu sucrée. Six "
        "pots de 250 g, à retirer sur place ou envoi soigné.",
    ),
    "saison": (
        "fr",
        "Panier de légumes de saison, producteur local, 5 kg",
        "Panier de légumes de saison récoltés le matin même : courges, poireaux, "
        "carottes, pommes de terre. Retrait à la ferme le samedi.",
    ),
    "patron": (
        "fr",
        "Patron de couture robe portefeuille, tailles 34 à 46",
        "Patron de couture imprimé pour une robe portefeuille, tailles 34 à 46, avec "
        "explications pas à pas. Niveau débutant.",
    ),
    "colonne": (
        "fr",
        "Enceinte colonne 2 voies 120 W, finition {C}",
        "Paire d'enceintes colonne 2 voies, 120 W, très bon état, aucune rayure. "
        "Son précis et grave profond. À venir chercher.",
    ),
    "moyenne": (
        "fr",
        "Niche pour chien taille moyenne, bois traité, toit isolé",
        "Niche en bois traité pour chien de taille moyenne, toit isolé et plancher "
        "surélevé. Dimensions 90 x 70 x 75 cm.",
    ),
    "sonne": (
        "de",
        "Kinderbuch „Sonne, Mond und Sterne“, gebunden, wie neu",
        "Wunderschön illustriertes Kinderbuch über Sonne, Mond und Sterne, ab 4 Jahren. "
        "Gebunden, wie neu, aus tierfreiem Nichtraucherhaushalt.",
    ),
    "silence": (
        "en",
        "Silence Foam Ear Plugs, 60 Pairs, 33 dB Noise Reduction",
        "Soft foam ear plugs for sleeping, studying and travel, 33 dB noise "
        "reduction. 60 pairs in a resealable tub.",
    ),
    "morvan": (
        "fr",
        "Guide de randonnée « Le Morvan à pied », 40 circuits",
        "Topoguide de randonnée pour découvrir le Morvan : 40 circuits balisés, cartes "
        "au 1:25 000. Édition récente, très bon état.",
    ),
    "marianne": (
        "fr",
        "Lot de 100 timbres Marianne lettre verte, neufs",
        "Lot de 100 timbres Marianne lettre verte, neufs et autocollants, pour "
        "courrier jusqu'à 20 g. Envoi sous pli suivi.",
    ),
    "quintett": (
        "de",
        "CD „Forellenquintett“ – Schubert, Quintett A-Dur, Live 1998",
        "Aufnahme des Quintetts in A-Dur von Schubert, live eingespielt 1998. CD "
        "und Booklet in sehr gutem Zustand, Hülle mit leichten Kratzern.",
    ),
    "art": (
        "en",
        "Abstract Wall Art Canvas Print 60x90 cm, {C} Tones",
        "Large abstract canvas print, stretched on a pine frame, ready to hang. Fade-"
        "resistant inks, hanging kit included.",
    ),
    "pro": (
        "en",
        "Phone Tripod PRO 160 cm with Bluetooth Remote",
        "Extendable phone tripod up to 160 cm with Bluetooth remote and 360° head. Fits "
        "phones from 4.7 to 7 inches. Folds down to 40 cm.",
    ),
    "oro": (
        "it",
        "Collana in oro giallo 18 kt, maglia veneziana, 45 cm",
        "Collana in oro giallo 18 kt con maglia veneziana, lunghezza 45 cm, peso 3,1 g. "
        "Chiusura a moschettone, con certificato di garanzia.",
    ),
    "arm": (
        "en",
        "Compression Arm Sleeves for Running, Pair, UV Protection",
        "Breathable compression arm sleeves with UPF 50 sun protection, for running and "
        "cycling. Sold as a pair, sizes S to XL.",
    ),
    "arc": (
        "en",
        "Arc Floor Lamp with Marble Base, Brushed Brass, 190 cm",
        "Tall arc floor lamp with a heavy marble base and brushed brass arm, E27 bulb. "
        "Foot switch, 2 m cable. Bulb not included.",
    ),
    "año": (
        "es",
        "Calendario de pared año 2027 con fotos de paisajes, 30x30 cm",
        "Calendario de pared del año 2027 con doce fotografías de paisajes de montaña, "
        "festivos nacionales marcados. Papel mate de 200 g.",
    ),
    "raro": (
        "es",
        "Vinilo raro de jazz latino, edición 1974, muy buen estado",
        "Disco de vinilo raro de jazz latino, primera edición de 1974. Funda con ligero "
        "desgaste, disco sin rayas. Envío certificado.",
    ),
    "caro": (
        "it",
        "Romanzo «Caro diario», tascabile, ottime condizioni",
        "Romanzo epistolare in edizione tascabile, pagine pulite e senza sottolineature. "
        "Spedizione con piego di libri.",
    ),
}
# Words that contain the 3-letter mark ARO (checked against wordfreq before use).
ARO_IN_WORDS = {
    "aroma": (
        "en",
        "AROMA Diffuser 300ml Ultrasonic, Wood Grain, 7 LED Colours",
        "Ultrasonic aroma diffuser and humidifier, 300 ml tank, whisper quiet, auto "
        "shut-off when empty. Add a few drops of essential oil.",
    ),
    "baroque": (
        "en",
        "Baroque Pearl Drop Earrings, Sterling Silver, Handmade",
        "Handmade drop earrings with natural baroque freshwater pearls on sterling "
        "silver hooks. Each pearl is unique in shape and lustre.",
    ),
    "carousel": (
        "en",
        "Wooden Carousel Music Box, Plays Swan Lake",
        "Hand-painted wooden carousel music box, horses turn while it plays Swan Lake. "
        "Wind-up mechanism, 18 cm tall. Lovely christening gift.",
    ),
    "maroon": (
        "en",
        "Maroon Oversized Hoodie, Heavyweight Cotton, Unisex",
        "Heavyweight 400 gsm cotton hoodie in maroon, dropped shoulders, kangaroo pocket. "
        "Unisex sizing, pre-shrunk.",
    ),
    "claro": (
        "es",
        "Camiseta básica azul claro de algodón orgánico, talla M",
        "Camiseta de algodón orgánico en azul claro, corte regular y cuello redondo. "
        "Tejido suave y transpirable, lavable a 30 grados.",
    ),
    "chiaro": (
        "it",
        "Mensola in legno chiaro 80 cm con supporti invisibili",
        "Mensola da parete in legno di rovere chiaro, 80 x 20 cm, con supporti a "
        "scomparsa. Portata fino a 15 kg.",
    ),
    "arousal": (
        "en",
        "Psychology Textbook: Emotion, Arousal and Motivation, 3rd Edition",
        "Undergraduate psychology textbook covering emotion, arousal and motivation. "
        "Some highlighting in the first chapters, otherwise clean.",
    ),
    "paroles": (
        "fr",
        "Livre « Paroles » de Prévert, édition Folio, bon état",
        "Recueil de poèmes en édition Folio, quelques pages cornées mais texte "
        "intact. Idéal pour le lycée.",
    ),
    "parola": (
        "it",
        "Gioco da tavolo «Una parola al giorno» per famiglie",
        "Gioco di parole per tutta la famiglia, da 2 a 6 giocatori, età 8+. Completo "
        "in ogni parte, scatola in buono stato.",
    ),
    "maroc": (
        "fr",
        "Tapis berbère du Maroc 160x230 cm, laine tissée main",
        "Tapis berbère tissé à la main au Maroc, laine naturelle, motifs géométriques. "
        "160 x 230 cm, très bon état.",
    ),
    "taro": (
        "en",
        "Taro Milk Tea Powder 1 kg, Bubble Tea Mix",
        "Instant taro milk tea powder for bubble tea at home, 1 kg bag, makes about 40 "
        "cups. Just add water or milk.",
    ),
    "denaro": (
        "it",
        "Salvadanaio in ceramica per risparmiare denaro, {C}",
        "Salvadanaio in ceramica dipinto a mano, con tappo in gomma sul fondo. Un "
        "regalo simpatico per imparare a risparmiare denaro.",
    ),
}
ARO_ALIAS_IN_WORD = [
    (
        "ja",
        "アロマディフューザー 超音波式 300ml LEDライト付き タイマー機能",
        "超音波式のアロマディフューザーです。静音設計で寝室にも最適。七色のLEDライトとタイマー機能付き。"
        "お好みのエッセンシャルオイルでアロマをお楽しみください。水が無くなると自動で停止します。",
    ),
    (
        "ja",
        "アロマオイル 10本セット 天然100% ラベンダー ユーカリ",
        "天然100%のアロマオイル10本セット。ラベンダー、ユーカリ、オレンジなど人気の香りを集めました。"
        "ディフューザーやマッサージに使えます。ギフトにもおすすめです。",
    ),
]
NEG_CONTEXT_FRAMES: dict[str, list[tuple[str, str, str | None, str, tuple[int, int] | None]]] = {
    # brand -> [(lang, listing|post, title, text, price range)]
    "Montavelli": [
        (
            "it",
            "listing",
            "Servizio fotografico matrimonio a Villa Montavelli, pacchetto completo",
            "Fotografo professionista disponibile per matrimoni ed eventi a Villa Montavelli e "
            "dintorni. Pacchetto con 300 foto ritoccate e album stampato.",
            (900, 1500),
        ),
        (
            "it",
            "post",
            None,
            "Cena di ieri alla Trattoria Montavelli 🍝 tagliatelle al ragù e "
            "tiramisù fatto in casa. Consigliatissima! #foodie #bologna",
            None,
        ),
        (
            "en",
            "post",
            None,
            "Wedding season at Villa Montavelli 💐 what a view over the hills. "
            "Congrats to the happy couple! #weddingvenue #tuscany",
            None,
        ),
    ],
    "Louvelle Paris": [
        (
            "fr",
            "listing",
            "Bon cadeau : une nuit pour deux à l'Hôtel Louvelle Paris",
            "Je revends un bon cadeau valable jusqu'en juin 2027 pour une nuit en chambre double "
            "avec petit-déjeuner à l'Hôtel Louvelle Paris (9e). Non utilisé.",
            (120, 180),
        ),
        (
            "fr",
            "listing",
            "Studio meublé 24 m², Résidence Louvelle Paris, 15e arrondissement",
            "Studio meublé au 3e étage avec ascenseur dans la Résidence Louvelle Paris. Cuisine "
            "équipée, proche métro. Loyer charges comprises, libre le 1er décembre.",
            (950, 1150),
        ),
    ],
    "Tessaro Nero": [
        (
            "it",
            "listing",
            "Vino Tessaro Nero IGT Toscana 2019, cassa da 6 bottiglie 75 cl",
            "Vino rosso Tessaro Nero IGT Toscana, annata 2019, cassa da sei bottiglie conservata in "
            "cantina. Sangiovese e merlot, 14%. Vendita solo a maggiorenni.",
            (60, 90),
        ),
        (
            "en",
            "post",
            None,
            "Opened a bottle of Tessaro Nero IGT tonight 🍷 dark cherry, "
            "leather and a bit of smoke. Great value for a Tuscan red. #wine #tuscany",
            None,
        ),
    ],
    "ARO": [
        (
            "es",
            "listing",
            "Aro de luz LED 26 cm con trípode y soporte para móvil, 3 modos",
            "Aro de luz regulable con 10 niveles de brillo y 3 temperaturas de color. Incluye "
            "trípode extensible hasta 160 cm y mando Bluetooth. Ideal para vídeos y maquillaje.",
            (15, 29),
        ),
        (
            "es",
            "listing",
            "Aros de plata de ley 925, 3 cm, pendientes de aro para mujer",
            "Pendientes de aro de plata de ley 925 con cierre de presión. Diámetro 3 cm, grosor "
            "2 mm. Se envían en caja de regalo.",
            (12, 25),
        ),
        (
            "es",
            "listing",
            "Aro de baloncesto con red para exterior, diámetro 45 cm",
            "Aro de baloncesto de acero con red de nailon para exterior, diámetro oficial de "
            "45 cm. Tornillería incluida para montaje en pared.",
            (25, 45),
        ),
        (
            "es",
            "listing",
            "Aros de oro de 18k pequeños, 12 mm, cierre catalán",
            "Aros de oro amarillo de 18 quilates, 12 mm de diámetro, cierre catalán. Ideales para "
            "uso diario. Con certificado de garantía.",
            (90, 160),
        ),
    ],
    "Juniper": [
        (
            "en",
            "listing",
            "Dried Juniper Berries 250g, Organic, for Gin, Sauerkraut and Game",
            "Whole dried juniper berries, certified organic, resealable 250 g pouch. Crush a few "
            "for marinades, sauerkraut, game dishes or home-made gin.",
            (6, 12),
        ),
        (
            "en",
            "listing",
            "Juniper Bonsai Tree, 8 Years Old, with Ceramic Pot and Care Guide",
            "Outdoor juniper bonsai, about 8 years old, trained in informal upright style, "
            "ceramic pot and care guide included. Water regularly, keep outside.",
            (35, 70),
        ),
        (
            "en",
            "listing",
            "Juniper Essential Oil 10ml, 100% Pure, Steam Distilled",
            "Pure juniper essential oil, steam distilled from berries, 10 ml amber bottle with "
            "dropper. For diffusers and massage blends (dilute before use).",
            (7, 14),
        ),
        (
            "en",
            "listing",
            "Hand-Poured Juniper Scented Candle, Soy Wax, 200 g, Amber Jar",
            "Small-batch soy wax candle, juniper scented with a hint of pine and lemon peel. "
            "About 40 hours burn time, cotton wick, amber glass jar.",
            (12, 22),
        ),
        (
            "en",
            "post",
            None,
            "Planted a juniper tree by the gate this weekend 🌲 hoping it "
            "survives the winter. Any tips for young junipers? #gardening #garden",
            None,
        ),
        (
            "ja",
            "listing",
            "ジュニパーベリー ドライ 100g 無農薬 ジン作りや料理に",
            "無農薬栽培のジュニパーベリーを乾燥させました。ジン作りや肉料理の香り付け、ザワークラウト"
            "などにどうぞ。チャック付き袋でお届けします。開封後は湿気を避けて冷暗所で保存してください。",
            (8, 15),
        ),
    ],
    "Valcroix": [
        (
            "fr",
            "listing",
            "Gîte 4 personnes à Valcroix-sur-Mer, vue mer, semaine en juillet",
            "Gîte tout confort à Valcroix-sur-Mer pour 4 personnes, deux chambres, terrasse avec "
            "vue mer, plage à 300 m. Location à la semaine, linge fourni.",
            (650, 900),
        ),
        (
            "fr",
            "post",
            None,
            "Visite du Château de Valcroix ce dimanche 🏰 les jardins sont "
            "magnifiques en automne. Entrée gratuite le premier dimanche du mois. #patrimoine",
            None,
        ),
        (
            "fr",
            "listing",
            "Terrain constructible 800 m², chemin de Valcroix",
            "Terrain plat de 800 m² viabilisé, chemin de Valcroix, exposition sud, au calme. "
            "Proche écoles et commerces. Libre de constructeur.",
            (65000, 89000),
        ),
    ],
    "Morvanne": [
        (
            "fr",
            "listing",
            "Location kayak au lac de Morvanne, journée complète pour 2",
            "Location de kayak biplace au lac de Morvanne, gilets et pagaies fournis. Départ "
            "depuis la base nautique, réservation la veille.",
            (35, 50),
        ),
        (
            "fr",
            "post",
            None,
            "Nouvelle boulangerie rue Morvanne 🥐 les croissants sont "
            "incroyables, allez-y tôt ! #boulangerie #bonneadresse",
            None,
        ),
    ],
    "Zephyra": [
        (
            "en",
            "listing",
            "Sunset Cruise on the Yacht Zephyra, Voucher for Two, Champagne",
            "Two-hour sunset cruise aboard the sailing yacht Zephyra with a glass of champagne "
            "and canapés. Voucher valid 12 months, departures May to October.",
            (180, 240),
        ),
        (
            "en",
            "post",
            None,
            "A week of island hopping with Zephyra Charter ⛵ crystal water, "
            "tiny harbours and the best grilled fish. #sailing #greece",
            None,
        ),
    ],
    "Kairon": [
        (
            "en",
            "listing",
            "Kairon Typeface – Desktop Font License, 8 Weights, OTF",
            "Desktop licence for the Kairon typeface family, eight weights from thin to black, "
            "OpenType features and Latin Extended support. Instant download.",
            (39, 79),
        ),
        (
            "en",
            "post",
            None,
            "Redesigned our café menu with the Kairon font ☕ clean, warm "
            "and very readable. What do you think? #typography #design",
            None,
        ),
    ],
    "Brixley": [
        (
            "en",
            "listing",
            "Brixley Park 5K Fun Run – Adult Entry Ticket, Saturday 8 am",
            "One adult entry to the Brixley Park 5K fun run, chip timing and medal included. Can "
            "no longer attend, name change is free through the organisers.",
            (15, 25),
        ),
        (
            "en",
            "listing",
            "Room to Rent near Brixley Road, Bills Included, Available Now",
            "Double room in a quiet shared house just off Brixley Road, bills and wifi included, "
            "two minutes from the bus stop. Professionals only.",
            (650, 850),
        ),
    ],
    "Solenne": [
        (
            "fr",
            "listing",
            "Concert de Noël à l'église Sainte-Solenne, 2 places en nef",
            "Deux places pour le concert de Noël du chœur de chambre à l'église Sainte-Solenne, "
            "placement en nef. Je ne peux plus y aller.",
            (25, 40),
        ),
        (
            "fr",
            "post",
            None,
            "La fête de la Sainte Solenne au village ce week-end 🎉 "
            "brocante, fanfare et crêpes pour tout le monde. #fetedevillage",
            None,
        ),
    ],
    "Quintell": [
        (
            "en",
            "listing",
            "Quintell Quartet – Live at the Blue Room, Vinyl LP, 1979",
            "Original 1979 pressing of the Quintell Quartet live jazz set at the Blue Room. Vinyl "
            "VG+, sleeve VG with light ring wear.",
            (25, 45),
        ),
        (
            "en",
            "listing",
            "Office Space to Let, 45 m², Quintell Street, Ground Floor",
            "Bright ground-floor office on Quintell Street, 45 m², kitchenette and shared "
            "meeting room. Flexible lease, available from January.",
            (900, 1200),
        ),
    ],
}
PERSON_FRAMES = {
    "en": [
        (
            "Signed Print by {NAME}, Limited Edition 12/50, Unframed",
            "Giclée print signed and numbered by the artist {NAME}. Archival paper, 40 x 50 cm, "
            "shipped flat with a certificate from the gallery in {CITY}.",
        ),
        (
            "Piano Lessons with {NAME} – All Ages, {CITY}",
            "Friendly piano teacher with 15 years of experience. {NAME} offers lessons for "
            "beginners and exam students in {CITY}. First lesson half price.",
        ),
        (
            'Novel "The Winter Orchard" by {NAME}, Hardcover, First Edition',
            "First edition hardcover of The Winter Orchard by {NAME}, dust jacket intact, "
            "pages clean. A lovely read for long evenings.",
        ),
    ],
    "fr": [
        (
            "Tableau signé {NAME}, huile sur toile 40x50 cm",
            "Huile sur toile signée {NAME}, paysage de bord de mer, cadre en bois doré. Très "
            "bon état, à retirer à {CITY} ou envoi soigné.",
        ),
        (
            "Cours de guitare avec {NAME} à {CITY}, tous niveaux",
            "Professeur diplômé, {NAME} donne des cours de guitare classique et folk à {CITY}. "
            "Premier cours d'essai offert.",
        ),
    ],
    "it": [
        (
            "Libro «Le stagioni del mare» di {NAME}, copertina rigida",
            "Romanzo di {NAME} in edizione rilegata, ottime condizioni, nessuna sottolineatura. "
            "Ritiro a {CITY} o spedizione.",
        ),
        (
            "Lezioni di violino con {NAME} a {CITY}",
            "{NAME}, diplomato al conservatorio, offre lezioni di violino per bambini e adulti a "
            "{CITY}. Prima lezione gratuita.",
        ),
    ],
    "de": [
        (
            "Buch „Der stille Hafen“ von {NAME}, gebunden, wie neu",
            "Roman von {NAME}, gebundene Ausgabe mit Schutzumschlag, ungelesen. Abholung in "
            "{CITY} oder Versand möglich.",
        ),
        (
            "Nachhilfe in Mathematik bei {NAME} in {CITY}",
            "{NAME} bietet Nachhilfe in Mathematik und Physik für die Klassen 5 bis 13 in {CITY}. "
            "Erste Stunde kostenlos.",
        ),
    ],
    "es": [
        (
            "Clases de pintura con {NAME} en {CITY}, grupos reducidos",
            "{NAME} imparte clases de acuarela y óleo para adultos en {CITY}. Grupos de seis "
            "personas, material incluido la primera semana.",
        )
    ],
}
PERSON_POSTS = {
    "en": "Congratulations to {NAME} on finishing the {CITY} marathon today! 🏅 so proud of you.",
    "fr": "Bravo à {NAME} pour son premier marathon à {CITY} aujourd'hui ! 🏅",
    "it": "Complimenti a {NAME} per la mostra inaugurata oggi a {CITY}! 🎨",
    "de": "Herzlichen Glückwunsch an {NAME} zur Meisterprüfung in {CITY}! 🎉",
    "es": "¡Enhorabuena a {NAME} por su primera exposición en {CITY}! 🎨",
}
PLACE_FRAMES = {
    "en": [
        (
            "2-Bed Apartment for Rent, {ADDR}",
            "Bright two-bedroom apartment at {ADDR}, "
            "renovated kitchen, in-unit laundry, one parking space. Pets considered. Available "
            "from the 1st.",
            (1400, 2400),
        ),
        (
            "Yard Sale This Saturday – {ADDR}",
            "Big multi-family yard sale at {ADDR}: "
            "furniture, kids' toys, books, kitchenware and tools. 8 am to 2 pm, cash only.",
            None,
        ),
    ],
    "fr": [
        (
            "Appartement T3 à louer, {ADDR}",
            "Appartement T3 de 62 m² situé {ADDR}, "
            "deuxième étage, balcon, cave. Proche commerces et transports. Libre en janvier.",
            (750, 1200),
        ),
        (
            "Vide-grenier dimanche, {ADDR}",
            "Grand vide-grenier dimanche {ADDR} : meubles, "
            "vaisselle, jouets et livres. De 8 h à 17 h, buvette sur place.",
            None,
        ),
    ],
    "it": [
        (
            "Bilocale in affitto, {ADDR}",
            "Bilocale arredato di 55 m² in {ADDR}, terzo "
            "piano con ascensore, cucina abitabile e balcone. Disponibile da subito.",
            (650, 1100),
        )
    ],
    "de": [
        (
            "3-Zimmer-Wohnung zu vermieten, {ADDR}",
            "Helle 3-Zimmer-Wohnung, 78 m², "
            "{ADDR}, Balkon, Einbauküche, Kellerabteil. Bezugsfrei ab Januar.",
            (900, 1500),
        )
    ],
    "es": [
        (
            "Piso en alquiler de 2 habitaciones, {ADDR}",
            "Piso reformado de 70 m² en "
            "{ADDR}, dos habitaciones, ascensor y terraza. Cerca del metro.",
            (800, 1300),
        )
    ],
}
PLACE_POSTS = {
    "en": "New coffee shop just opened at {ADDR} ☕ great flat white and friendly staff.",
    "fr": "Petite pépite découverte {ADDR} ☕ brunch excellent et terrasse au soleil.",
    "it": "Nuova gelateria in {ADDR} 🍦 pistacchio da provare assolutamente!",
    "de": "Neues Café in der {ADDR} ☕ super Kuchen und sehr nettes Team.",
    "es": "Nueva cafetería en la {ADDR} ☕ tostadas buenísimas y buen café.",
}
GENERIC_WORD_FRAMES = {
    "en": [
        (
            '"{W}" – Vinyl LP Record, 1984 Pressing, VG+ Condition',
            'Vintage vinyl LP titled "{W}", 1984 pressing. Vinyl plays with light surface '
            "noise, sleeve VG with minor corner wear. Shipped in a sturdy mailer.",
        ),
        (
            'Typography Wall Print "{W}", A3, Unframed, Matte Paper',
            'Minimalist typography print with the word "{W}" in a serif font, printed on 250 g '
            "matte paper. A3 size, frame not included.",
        ),
    ],
    "fr": [
        (
            "Vinyle 33 tours « {W} », pressage 1979, très bon état",
            "Disque vinyle intitulé « {W} », pressage de 1979, pochette en bon état, disque sans "
            "rayure. Envoi soigné en carton rigide.",
        )
    ],
    "it": [
        (
            "Vinile LP «{W}», stampa 1982, ottime condizioni",
            "Disco in vinile intitolato «{W}», stampa del 1982, copertina in buono stato, "
            "nessun graffio. Spedizione in cartone rigido.",
        )
    ],
    "es": [
        (
            "Vinilo LP «{W}», edición de 1985, muy buen estado",
            "Disco de vinilo titulado «{W}», edición de 1985, funda con ligero desgaste y disco "
            "sin rayas. Envío certificado.",
        )
    ],
    "de": [
        (
            "Vinyl-LP „{W}“, Erstpressung 1981, sehr gut erhalten",
            "Schallplatte mit dem Titel „{W}“, Erstpressung 1981, Cover mit leichten "
            "Gebrauchsspuren, Platte ohne Kratzer. Versand im stabilen Karton.",
        )
    ],
    "ru": [
        (
            "Книга «{W}», твёрдый переплёт, отличное состояние",
            "Продаю книгу «{W}» в твёрдом переплёте, отличное состояние, без пометок. Отправлю "
            "почтой или передам лично.",
        )
    ],
}
NATURAL_RU = {
    "зефир": (
        "Зефир ванильный 250 г, натуральный, без красителей",
        "Нежный ванильный зефир ручной работы на яблочном пюре, без красителей и "
        "консервантов. Упаковка 250 г, срок годности 30 дней.",
    ),
}

# ---------------------------------------------------------------------------------------
# Small utilities
# ---------------------------------------------------------------------------------------


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cap(s: str) -> str:
    """Upper-case a sentence's first letter when it is a plain ASCII lower-case letter."""
    return s[0].upper() + s[1:] if s and s[0].isascii() and s[0].islower() else s


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def is_word(w: str) -> bool:
    return max(wordfreq.zipf_frequency(w, lang) for lang in WORD_LANGS) >= 1.0


MARK_WORDS = sorted(
    {w.lower() for b in BRANDS for m in b["marks"] for w in m.split()} - {"paris", "nero"}
)


def near_mark(text: str) -> bool:
    """True when some token of ``text`` looks like one of the marks (used to keep
    Faker output and random handles free of accidental hard negatives)."""
    t = fold(text)
    if "aro" in t:
        return True
    tokens = "".join(c if c.isalpha() else " " for c in t).split()
    for tok in tokens:
        for m in MARK_WORDS:
            if len(m) > 3 and abs(len(tok) - len(m)) <= 2 and lev(tok, m) <= 2:
                return True
            if len(m) > 3 and m in tok:
                return True
    return False


# ---------------------------------------------------------------------------------------
# Unicode confusables (from confusable_homoglyphs' confusables.json)
# ---------------------------------------------------------------------------------------


def load_confusables() -> dict[str, dict[str, list[str]]]:
    path = os.path.join(os.path.dirname(confusable_homoglyphs.__file__), "confusables.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, dict[str, list[str]]] = {"cyrillic": {}, "greek": {}, "fullwidth": {}}
    prefixes = {
        "cyrillic": ("CYRILLIC SMALL LETTER", "CYRILLIC CAPITAL LETTER"),
        "greek": ("GREEK SMALL LETTER", "GREEK CAPITAL LETTER"),
        "fullwidth": ("FULLWIDTH LATIN",),
    }
    for letter in string.ascii_letters:
        entries = data.get(letter, [])
        for script, pre in prefixes.items():
            cands = sorted(
                {
                    e["c"]
                    for e in entries
                    if len(e["c"]) == 1 and unicodedata.name(e["c"], "").startswith(pre)
                }
            )
            if script == "fullwidth":
                # keep the fullwidth form of the same letter and case; confusables.json lacks
                # some (e.g. fullwidth m, r, t), which are then taken from the UCD by name
                cands = [c for c in cands if unicodedata.normalize("NFKC", c) == letter]
                if not cands:
                    case = "CAPITAL" if letter.isupper() else "SMALL"
                    cands = [unicodedata.lookup(f"FULLWIDTH LATIN {case} LETTER {letter.upper()}")]
            if cands:
                out[script][letter] = cands
    return out


CONF = load_confusables()
ZERO_WIDTH = [
    c for c in ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff") if unicodedata.category(c) == "Cf"
]
LEET = {"a": ["@", "4"], "o": ["0"], "e": ["3"], "i": ["1"], "l": ["1"], "s": ["$"], "t": ["7"]}
SPACED_EMOJI = ["💎", "✨", "🔥", "⭐", "💫", "🖤"]


# ---------------------------------------------------------------------------------------
# Third-party derived tables: dnstwist typos, wordfreq neighbours
# ---------------------------------------------------------------------------------------
TYPO_GROUPS = {
    "repetition": "doubled",
    "transposition": "swapped",
    "omission": "omitted",
    "replacement": "substituted",
    "vowel-swap": "substituted",
    "bitsquatting": "substituted",
}


def typo_variants(word: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = collections.defaultdict(list)
    for fuzzer, group in TYPO_GROUPS.items():
        fz = dnstwist.Fuzzer(f"{word}.com")
        fz.generate(fuzzers=[fuzzer])
        for perm in sorted(fz.domains, key=lambda p: p["domain"]):
            v = perm["domain"].rsplit(".", 1)[0]
            if (
                not v.isalpha()
                or not v.isascii()
                or v == word
                or word in v
                or v in out[group]
                or is_word(v)
            ):
                continue
            if group == "substituted" and len(v) != len(word):
                continue
            out[group].append(v)
    return dict(out)


def word_vocab() -> dict[str, tuple[float, str]]:
    vocab: dict[str, tuple[float, str]] = {}
    for lang in WORD_LANGS:
        for w in wordfreq.top_n_list(lang, 60000):
            if w.isalpha() and len(w) >= 3:
                z = wordfreq.zipf_frequency(w, lang)
                if z >= 3 and z > vocab.get(w, (0.0, ""))[0]:
                    vocab[w] = (z, lang)
    return vocab


def neighbours(vocab: dict[str, tuple[float, str]], word: str) -> list[tuple[str, str, float]]:
    k = 1 if len(word) <= 4 else 2
    found = [
        (w, lang, z)
        for w, (z, lang) in vocab.items()
        if w != word
        and abs(len(w) - len(word)) <= k
        and lev(w, word) <= k
        and w not in NEIGHBOUR_BLOCKLIST
        and word not in w
    ]
    return sorted(found, key=lambda x: (-x[2], x[0]))


def ru_neighbours(alias: str) -> list[tuple[str, float]]:
    a = alias.lower()
    out = []
    for w in wordfreq.top_n_list("ru", 60000):
        if w.isalpha() and abs(len(w) - len(a)) <= 1 and w != a and lev(w, a) <= 1:
            z = wordfreq.zipf_frequency(w, "ru")
            if z >= 3 and w not in NEIGHBOUR_BLOCKLIST:
                out.append((w, z))
    return sorted(out, key=lambda x: (-x[1], x[0]))


# ---------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------
# Listing platforms per language: (platform, marketplace, currency)
LISTING_PLATFORMS: dict[str, list[tuple[str, str | None, str]]] = {
    "en": [
        ("amazon", "amazon.com", "USD"),
        ("ebay", "ebay.com", "USD"),
        ("etsy", None, "USD"),
        ("aliexpress", None, "USD"),
        ("shopify", None, "USD"),
        ("webstore", None, "USD"),
        ("facebook", None, "USD"),
    ],
    "zh": [("aliexpress", None, "USD"), ("webstore", None, "USD"), ("shopify", None, "USD")],
    "ja": [("webstore", None, "USD"), ("shopify", None, "USD")],
    "ru": [("webstore", None, "USD"), ("aliexpress", None, "USD")],
}
for _l in ("de", "fr", "it", "es"):
    LISTING_PLATFORMS[_l] = [
        ("amazon", f"amazon.{_l}", "EUR"),
        ("ebay", f"ebay.{_l}", "EUR"),
        ("shopify", None, "EUR"),
        ("webstore", None, "EUR"),
        ("facebook", None, "EUR"),
        ("etsy", None, "EUR"),
    ]
USD_FALLBACK: list[tuple[str, str | None, str]] = [
    ("etsy", None, "USD"),
    ("aliexpress", None, "USD"),
    ("webstore", None, "USD"),
]


class QuotedDigitsDumper(yaml.SafeDumper):
    """Quote digit-only strings (registration numbers, numeric account ids) so that YAML 1.2
    readers do not turn them into integers."""


def _repr_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if data.isdigit() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


QuotedDigitsDumper.add_representer(str, _repr_str)


class Gen:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.split_rng = random.Random(self.rng.getrandbits(64))
        self.fakers = {}
        for loc in ["en_US", "fr_FR", "de_DE", "it_IT", "es_ES", "zh_CN"]:
            f = Faker(loc)
            f.seed_instance(self.rng.getrandbits(32))
            self.fakers[loc] = f
        self.used_ids: set[tuple[str, str]] = set()
        self.accounts: dict[tuple[str, str], dict[str, Any]] = {}
        self.records: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self.pools: dict[str, list[str]] = collections.defaultdict(list)
        self.vocab = word_vocab()
        self.brands = BRANDS
        for b in self.brands:
            self._prepare_brand(b)

    # ----- brands -------------------------------------------------------------------
    def _prepare_brand(self, b: dict[str, Any]) -> None:
        rng = self.rng
        words = b["marks"][0].lower().split()
        b["_words"] = words
        b["_slug"] = "".join(words)
        b["_typos"] = {} if b.get("_short") else typo_variants(words[0])
        nb = neighbours(self.vocab, words[0])
        if len(words) > 1:
            b["_neighbours"] = [(f"{w} {words[1]}", lang, z) for w, lang, z in nb][:3]
        elif b.get("_short"):
            # 3-letter marks sit 1 edit from hundreds of words; keep those with a natural frame
            b["_neighbours"] = [x for x in nb if x[0] in NATURAL][:8]
        else:
            b["_neighbours"] = nb[:8]
        b["_ru_neighbours"] = ru_neighbours(b["aliases"]["ru"]) if "ru" in b["aliases"] else []
        regs: list[Any] = [f"US {rng.randrange(4000000, 7999999)}"]
        regs.append(
            {
                "office": "EUIPO",
                "number": f"0{rng.randrange(10000000, 19999999)}",
                "jurisdiction": "EU",
                "classes": b["classes"],
                "expiry": dt.date(
                    rng.randrange(2028, 2036), rng.randrange(1, 13), rng.randrange(1, 28)
                ),
            }
        )
        b["_registrations"] = regs
        auth = []
        for platform, account in b["_auth"]:
            if account is None:
                account = "A" + "".join(
                    rng.choice(string.ascii_uppercase + string.digits) for _ in range(13)
                )
            auth.append({"platform": platform, "account": account})
        b["authorized_sellers"] = auth

    def brand_yaml(self, b: dict[str, Any]) -> dict[str, Any]:
        marks = [
            {
                "text": b["marks"][0],
                "registrations": b["_registrations"],
                "aliases": [b["aliases"][k] for k in ("zh", "ja", "ru") if k in b["aliases"]],
            }
        ]
        products = []
        for p in b["products"]:
            products.append({k: v for k, v in p.items() if not k.startswith("_")})
        out = {
            "name": b["name"],
            "marks": marks,
            "negative_contexts": b["negative_contexts"],
            "products": products,
            "authorized_sellers": b["authorized_sellers"],
        }
        return out

    # ----- helpers --------------------------------------------------------------------
    def faker(self, lang: str) -> Faker:
        loc = {
            "en": "en_US",
            "fr": "fr_FR",
            "de": "de_DE",
            "it": "it_IT",
            "es": "es_ES",
            "zh": "zh_CN",
        }.get(lang, "en_US")
        return self.fakers[loc]

    def clean(self, fn: Any) -> str:
        for _ in range(50):
            v = str(fn()).replace("\n", ", ")
            if not near_mark(v):
                return v
        raise RuntimeError("no clean faker value")

    def city(self, lang: str) -> str:
        fk = self.faker(lang)
        if lang == "it":
            # it_IT builds its city list from a set: sort it so runs do not depend on hashing
            prov = next(p for p in fk.factories[0].get_providers() if hasattr(p, "cities"))
            cities = sorted(set(prov.cities))
            return self.clean(lambda: fk.random.choice(cities))
        return self.clean(fk.city)

    def person(self, lang: str) -> str:
        return self.clean(self.faker(lang).name)

    def captured_at(self) -> str:
        base = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
        t = base + dt.timedelta(seconds=self.rng.randrange(0, 50 * 86400))
        off = self.rng.choice([0, 0, 1, 2, -5, 8])
        tz = dt.timezone(dt.timedelta(hours=off))
        s = t.astimezone(tz).replace(microsecond=0).isoformat()
        return s.replace("+00:00", "Z")

    def new_id(self, platform: str, make: Any) -> str:
        while True:
            v = make()
            if (platform, v) not in self.used_ids:
                self.used_ids.add((platform, v))
                return v

    def digits(self, n: int) -> str:
        return str(self.rng.randrange(1, 10)) + "".join(
            self.rng.choice(string.digits) for _ in range(n - 1)
        )

    def handle_words(self) -> str:
        a = [
            "luxe",
            "vault",
            "glam",
            "chic",
            "bella",
            "lux",
            "velvet",
            "gold",
            "prime",
            "urban",
            "nova",
            "vibe",
            "muse",
            "royal",
            "elite",
            "pearl",
            "silk",
            "ivy",
        ]
        b = [
            "closet",
            "finds",
            "deals",
            "boutique",
            "haul",
            "store",
            "world",
            "club",
            "corner",
            "picks",
            "studio",
            "house",
            "room",
            "market",
        ]
        c = ["daily", "official", "shop", "co", "hk", "uk", "eu", "usa", "2026", "life"]
        r = self.rng
        fmt = r.choice(["{a}.{b}.{c}", "{a}_{b}", "{a}{b}{n}", "{a}.{b}"])
        return fmt.format(a=r.choice(a), b=r.choice(b), c=r.choice(c), n=r.randrange(1, 99))

    # ----- accounts -------------------------------------------------------------------
    def account(self, platform: str, role: str, lang: str = "en") -> str:
        """Return an account id on ``platform`` for a role, reusing pools for bad actors."""
        r = self.rng
        key = f"{platform}:{role}"
        pool = self.pools[key]
        reuse = {"counterfeit": 7, "promoter": 8, "generic": 10}.get(role, 0)
        if reuse and len(pool) >= reuse:
            return r.choice(pool)
        rec = self._make_account(platform, role, lang)
        pool.append(rec["external_id"])
        self.accounts[(platform, rec["external_id"])] = rec
        return rec["external_id"]

    def _make_account(self, platform: str, role: str, lang: str) -> dict[str, Any]:
        r = self.rng
        fk = self.faker(lang)
        cn = self.fakers["zh_CN"]
        rec: dict[str, Any] = {"kind": "account", "platform": platform}
        if platform == "amazon":
            ext = self.new_id(
                platform,
                lambda: (
                    "A"
                    + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(13))
                ),
            )
            handle = ext
        elif platform == "aliexpress":
            ext = self.new_id(platform, lambda: self.digits(10))
            handle = ext
        elif platform == "shopify":
            ext = self.new_id(
                platform,
                lambda: self.handle_words().replace(".", "-").replace("_", "-") + ".myshopify.com",
            )
            handle = ext.split(".")[0]
        elif platform == "webstore":
            ext = self.new_id(
                platform,
                lambda: (
                    self.handle_words().replace(".", "").replace("_", "")
                    + r.choice([".com", ".shop", ".store", ".net"])
                ),
            )
            handle = ext
        elif role in ("private", "fan", "person"):
            ext = self.new_id(
                platform,
                lambda: self.clean(fk.user_name) + r.choice(["", str(r.randrange(1, 999))]),
            )
            handle = ext
        else:
            ext = self.new_id(platform, self.handle_words)
            handle = ext
        rec["external_id"] = ext
        rec["handle"] = handle
        if role == "counterfeit":
            store = self.handle_words().replace(".", " ").replace("_", " ").title()
            rec["display_name"] = (
                store if platform not in ("amazon", "aliexpress") else store + " Store"
            )
            if platform in ("amazon", "aliexpress", "shopify", "webstore"):
                city = r.choice(["Shenzhen", "Guangzhou", "Yiwu", "Putian", "Dongguan", "Hangzhou"])
                nm = self.clean(cn.romanized_name).replace(" ", "")
                rec["legal_name"] = f"{city} {nm} Trading Co., Ltd."
                rec["address"] = self.clean(cn.address)
                rec["country"] = "CN"
            else:
                rec["country"] = r.choice(["CN", "HK", "TR", "US", "IT"])
            rec["status"] = "active"
        elif role == "promoter":
            rec["display_name"] = self.handle_words().replace(".", " ").replace("_", " ").title()
            rec["bio"] = r.choice(
                [
                    "Luxury finds at insider prices 💎 DM to order",
                    "Best quality, worldwide shipping 📦 link below",
                    "Top grade bags, shoes, watches ✨ WhatsApp in bio",
                ]
            )
            rec["links"] = [f"https://wa.me/{self.digits(11)}"]
            rec["contacts"] = [f"+{self.digits(11)}"]
        elif role in ("private", "fan", "person"):
            rec["display_name"] = self.person(
                lang if lang in ("en", "fr", "de", "it", "es") else "en"
            )
            rec["country"] = {
                "en": "US",
                "fr": "FR",
                "de": "DE",
                "it": "IT",
                "es": "ES",
                "zh": "CN",
            }.get(lang, "US")
        else:  # generic merchants
            rec["display_name"] = self.handle_words().replace(".", " ").replace("_", " ").title()
            rec["country"] = {
                "en": "US",
                "fr": "FR",
                "de": "DE",
                "it": "IT",
                "es": "ES",
                "zh": "CN",
            }.get(lang, "US")
            rec["status"] = "active"
        return rec

    def authorized_account(self, b: dict[str, Any], entry: dict[str, str]) -> str:
        key = (entry["platform"], entry["account"])
        if key not in self.accounts:
            self.used_ids.add(key)
            rec = {
                "kind": "account",
                "platform": entry["platform"],
                "external_id": entry["account"],
                "handle": entry["account"],
                "display_name": f"{b['_display']} Official",
                "legal_name": f"{b['name']} SA",
                "status": "active",
            }
            self.accounts[key] = rec
        return entry["account"]

    # ----- platform/url/price ---------------------------------------------------------
    def pick_listing_platform(
        self, lang: str, currencies: set[str] | None, allowed: list[str] | None = None
    ) -> tuple[str, str | None, str]:
        opts = LISTING_PLATFORMS[lang]
        if currencies is not None:
            opts = [o for o in opts if o[2] in currencies] or [
                o for o in USD_FALLBACK if o[2] in currencies
            ]
        if allowed:
            opts = [o for o in opts if o[0] in allowed] or opts
        return self.rng.choice(opts)

    def listing_url(
        self, platform: str, marketplace: str | None, account: str, cat: str
    ) -> tuple[str, str, str | None]:
        r = self.rng
        slug = cat.replace(" ", "-") + "-" + str(r.randrange(100, 999))
        if platform == "amazon":
            ext = self.new_id(
                platform,
                lambda: (
                    "B0"
                    + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(8))
                ),
            )
            return ext, f"https://www.{marketplace}/dp/{ext}", marketplace
        if platform == "ebay":
            ext = self.new_id(platform, lambda: self.digits(12))
            return ext, f"https://www.{marketplace}/itm/{ext}", marketplace
        if platform == "etsy":
            ext = self.new_id(platform, lambda: self.digits(10))
            return ext, f"https://www.etsy.com/listing/{ext}/{slug}", None
        if platform == "aliexpress":
            ext = self.new_id(platform, lambda: "1005" + self.digits(12))
            return ext, f"https://www.aliexpress.com/item/{ext}.html", None
        if platform == "shopify":
            ext = self.new_id(platform, lambda: self.digits(13))
            return ext, f"https://{account}/products/{slug}", None
        if platform == "webstore":
            ext = self.new_id(platform, lambda: f"{account}/p/{self.digits(6)}")
            return ext, f"https://{ext.replace('/p/', '/products/')}-{slug}", None
        if platform == "facebook":
            ext = self.new_id(platform, lambda: self.digits(16))
            return ext, f"https://www.facebook.com/marketplace/item/{ext}/", None
        raise ValueError(platform)

    def post_url(self, platform: str, account: str) -> tuple[str, str]:
        r = self.rng
        if platform == "instagram":
            ext = self.new_id(platform, lambda: self.digits(19))
            code = "".join(r.choice(string.ascii_letters + string.digits + "_-") for _ in range(11))
            return ext, f"https://www.instagram.com/p/{code}/"
        if platform == "tiktok":
            ext = self.new_id(platform, lambda: "73" + self.digits(17))
            return ext, f"https://www.tiktok.com/@{account}/video/{ext}"
        if platform == "x":
            ext = self.new_id(platform, lambda: "18" + self.digits(17))
            return ext, f"https://x.com/{account}/status/{ext}"
        if platform == "pinterest":
            ext = self.new_id(platform, lambda: self.digits(18))
            return ext, f"https://www.pinterest.com/pin/{ext}/"
        if platform == "facebook":
            ext = self.new_id(platform, lambda: "10" + self.digits(15))
            return ext, f"https://www.facebook.com/{account}/posts/{ext}"
        raise ValueError(platform)

    def pick_post_platform(self) -> str:
        return self.rng.choices(
            ["instagram", "tiktok", "x", "pinterest", "facebook"], weights=[40, 20, 15, 10, 15]
        )[0]

    @staticmethod
    def floors(b: dict[str, Any], cur: str) -> list[float]:
        return [p["price_floor"][cur] for p in b["products"] if cur in p["price_floor"]]

    def cheap_price(self, b: dict[str, Any], cur: str) -> float:
        lo = min(self.floors(b, cur))
        v = lo * self.rng.uniform(0.15, 0.45)
        return float(int(v)) + 0.99 if v >= 10 else round(v, 2)

    def plausible_price(
        self, b: dict[str, Any], p: dict[str, Any], cur: str, hi_share: float = 1.0
    ) -> float:
        hi_floor = max(self.floors(b, cur))
        lo = hi_floor * 1.1
        hi = p["list_price"][cur] * hi_share
        assert hi > lo, (b["name"], p["name"], cur)
        v = self.rng.uniform(lo, hi)
        return float(int(v)) if v > 100 else float(int(v)) + 0.99

    # ----- mark rendering -------------------------------------------------------------
    def cased(self, b: dict[str, Any], allow_lower: bool = True) -> str:
        if b.get("_short"):
            return b["_display"]
        r = self.rng.random()
        if r < 0.6:
            return b["_display"]
        if r < 0.9 or not allow_lower:
            return b["_display"].upper()
        return b["_display"].lower()

    def render(self, b: dict[str, Any], kind: str, sub: str, lang: str, cat: str) -> str:
        r = self.rng
        if kind == "homoglyph":
            base = self.cased(b)
            if sub == "zerowidth":
                pos = [i for i in range(1, len(base)) if base[i] != " " and base[i - 1] != " "]
                chosen = sorted(r.sample(pos, min(len(pos), r.choice([1, 1, 2]))), reverse=True)
                for i in chosen:
                    base = base[:i] + r.choice(ZERO_WIDTH) + base[i:]
                return base
            table = CONF[sub]
            if sub == "fullwidth":
                return "".join(table[c][0] if c in table else c for c in base)
            pos = [i for i, c in enumerate(base) if c in table]
            if not pos:
                base = base.upper()
                pos = [i for i, c in enumerate(base) if c in table]
            k = min(len(pos), r.choice([1, 1, 2, 3]))
            chars = list(base)
            for i in r.sample(pos, k):
                chars[i] = r.choice(table[chars[i]])
            return "".join(chars)
        if kind == "leetspeak":
            base = self.cased(b, allow_lower=False)
            pos = [i for i, c in enumerate(base) if c.lower() in LEET]
            k = min(len(pos), r.choice([1, 1, 2, 3]))
            chars = list(base)
            for i in r.sample(pos, k):
                chars[i] = r.choice(LEET[chars[i].lower()])
            return "".join(chars)
        if kind == "spaced":
            base = self.cased(b, allow_lower=False)
            sep = {"spaces": " ", "dots": ".", "dashes": "-"}.get(sub) or r.choice(SPACED_EMOJI)
            words = [sep.join(w) for w in base.split()]
            return ("  " if sep == " " else " ").join(words)
        if kind == "typo":
            group = b["_typos"][sub]
            v = r.choice(group)
            rest = b["_display"].split()[1:]
            first = v.capitalize() if r.random() < 0.7 else v.upper()
            return " ".join([first] + ([w.upper() for w in rest] if first.isupper() else rest))
        if kind == "alias":
            return b["aliases"][sub]
        if kind == "compound":
            suffix = r.choice(COMPOUND_SUFFIX[cat] + GENERIC_SUFFIX)
            style = r.random()
            if style < 0.45:
                return b["_slug"] + suffix
            if style < 0.8:
                return "".join(w.capitalize() for w in b["_words"]) + suffix.capitalize()
            return (b["_slug"] + suffix).upper()
        if kind == "exact":
            return self.cased(b, allow_lower=False)
        raise ValueError(kind)

    def brand_hashtag(self, b: dict[str, Any], cat: str) -> str:
        r = self.rng
        if b.get("_short"):
            return r.choice(["#aro", "#ARO", "#arorunning", "#AROrunclub"])
        if b.get("_common_word"):
            return r.choice(
                ["#JuniperHome", "#juniperhome", "#junipercedarandsmoke", "#juniperfigleaf"]
            )
        style = r.random()
        if style < 0.4:
            return "#" + b["_slug"]
        suffix = r.choice(COMPOUND_SUFFIX[cat] + ["love", "style", "lover", "collection"])
        if style < 0.75:
            return "#" + b["_slug"] + suffix
        return "#" + "".join(w.capitalize() for w in b["_words"]) + suffix.capitalize()

    def filler_tags(self, lang: str, n: int) -> str:
        words = TAG_WORDS[lang]
        weights = [wordfreq.zipf_frequency(w.lower(), lang) for w in words]
        picked: list[str] = []
        while len(picked) < n:
            w = self.rng.choices(words, weights=weights)[0]
            if w not in picked:
                picked.append(w)
        return f"{TAG_LABEL[lang]}: " + ", ".join(picked)

    # ----- text assembly --------------------------------------------------------------
    @staticmethod
    def fmt(tpl: str, ctx: dict[str, str]) -> str:
        out = tpl.format(**ctx)
        if ctx.get("SQUEEZE"):
            while "  " in out:
                out = out.replace("  ", " ")
            out = out.replace(" ()", "").replace(" ,", ",")
        return out

    @staticmethod
    def common_word_fix(c: dict[str, str], b: dict[str, Any], p: dict[str, Any]) -> None:
        """A common-word mark ("Juniper") is only brand evidence next to a product name:
        "Juniper scented candle" would be the scent. Glue the product name to the mark."""
        if b.get("_common_word") and c["B"]:
            c["B"] = f"{c['B']} {p['name']}"
            c["P"] = ""
            c["SQUEEZE"] = "1"

    def assemble(
        self, required: list[str], optional: list[str], lang: str, lo: int = 80, hi: int = 400
    ) -> str:
        """Opening sentence first, then optional sentences until the text is long enough,
        then the remaining required sentences (wording, call to action)."""
        joiner = "" if lang in ("zh", "ja") else " "
        head, tail = [cap(required[0])], [cap(x) for x in required[1:]]
        middle: list[str] = []
        target = lo + self.rng.randrange(0, 120)
        for s in optional:
            if len(joiner.join(head + middle + tail)) >= target:
                break
            if len(joiner.join([*head, *middle, cap(s), *tail])) <= hi:
                middle.append(cap(s))
        text = joiner.join(head + middle + tail)
        if len(text) < lo:
            raise ValueError(f"text too short: {text!r}")
        if len(text) > hi:
            raise ValueError(f"text too long: {text!r}")
        return text

    def extras(self, lang: str) -> list[str]:
        out = list(EXTRA[lang])
        self.rng.shuffle(out)
        return out

    def ctx(
        self,
        b: dict[str, Any] | None,
        p: dict[str, Any] | None,
        cat: str,
        lang: str,
        surface: str = "",
    ) -> dict[str, str]:
        r = self.rng
        nouns, details = V[cat][lang if lang in V[cat] else "en"]
        if p and p.get("_noun") and len(nouns) >= 3:
            nouns = nouns[:-1] if p["_noun"] == "first" else nouns[-1:]
        d1, d2 = r.sample(details, 2) if len(details) >= 2 else (details[0], details[0])
        return {
            "B": surface,
            "P": p["name"] if p else "",
            "N": r.choice(nouns),
            "C": r.choice(COLORS.get(lang, COLORS["en"])),
            "D": d1,
            "D2": d2,
            "CITY": self.city(lang if lang in ("en", "fr", "de", "it", "es", "zh") else "en"),
            "YEAR": str(r.randrange(2019, 2026)),
            "NAME": self.person("en"),
        }

    def title(self, templates: list[str], ctx: dict[str, str], lang: str, suffix: str = "") -> str:
        for _ in range(40):
            t = cap(" ".join(self.rng.choice(templates).format(**ctx).split()) + suffix)
            pads = (
                [TITLE_PAD[lang]]
                if lang != "zh"
                else [
                    f" {ctx['D2']}",
                    " 新款热卖",
                    " 顺丰包邮",
                    " 送礼佳品",
                    " 男女通用",
                    " 品质保障",
                ]
            )
            for pad in pads:
                if len(t) >= 30:
                    break
                t = t + pad
            if 30 <= len(t) <= 120:
                return t
        raise ValueError(f"no title fits: {ctx}")

    # ----- record emission ------------------------------------------------------------
    def emit(self, rec: dict[str, Any], label: dict[str, Any]) -> None:
        label = {"platform": rec["platform"], "external_id": rec["external_id"], **label}
        if label["mention"] is None:
            label["brand"] = None
        for k in ("title", "text"):
            if rec.get(k) is not None:
                assert "  " not in rec[k] or label["mention"] == "spaced", rec[k]
        self.records.append((rec, label))

    def make_listing(
        self,
        platform: str,
        marketplace: str | None,
        account: str,
        cat: str,
        title: str,
        text: str,
        price: float | None,
        currency: str | None,
        hashtags: list[str] | None = None,
    ) -> dict[str, Any]:
        ext, url, mkt = self.listing_url(platform, marketplace, account, cat)
        rec: dict[str, Any] = {
            "kind": "listing",
            "platform": platform,
            "external_id": ext,
            "url": url,
        }
        if mkt:
            rec["marketplace"] = mkt
        rec["account"] = account
        rec["title"] = title
        rec["text"] = text
        if hashtags:
            rec["hashtags"] = hashtags
        if price is not None:
            rec["price"] = price
            rec["currency"] = currency
        rec["captured_at"] = self.captured_at()
        return rec

    def make_post(
        self,
        platform: str,
        account: str,
        text: str,
        hashtags: list[str] | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        ext, url = self.post_url(platform, account)
        rec: dict[str, Any] = {
            "kind": "post",
            "platform": platform,
            "external_id": ext,
            "url": url,
            "account": account,
        }
        if title:
            rec["title"] = title
        rec["text"] = text
        if hashtags:
            rec["hashtags"] = hashtags
        rec["captured_at"] = self.captured_at()
        return rec

    @staticmethod
    def level(brand: bool, disguise: bool, wording: bool, price: bool, seller: bool) -> str:
        if not brand:
            return "none"
        if wording or (price and (seller or disguise)):
            return "high"
        if price or disguise:
            return "medium"
        return "low"

    def label(
        self,
        b: dict[str, Any] | None,
        mention: str | None,
        wording: bool,
        price: bool,
        seller: bool,
        case: str,
    ) -> dict[str, Any]:
        lvl = self.level(mention is not None, mention in DISGUISES, wording, price, seller)
        return {
            "brand": b["name"] if b and mention else None,
            "mention": mention,
            "wording": wording,
            "price": price,
            "seller": seller,
            "infringing": lvl in ("medium", "high"),
            "expected_level": lvl,
            "case": case,
        }

    # ===================================================================================
    # Positive cases
    # ===================================================================================
    def positive(self, b: dict[str, Any], kind: str, sub: str, case: str) -> None:
        r = self.rng
        p = r.choice(b["products"])
        cat = CAT_KEY[p["category"]]
        if kind == "alias":
            lang = sub
        elif case == "pos_exact_cjk_glued":
            lang = "zh"
        else:
            langs = ["en", "es", "fr", "it", "de", "zh"]
            weights = [45, 11, 13, 10, 10, 0 if kind in ("compound", "exact") else 11]
            lang = r.choices(langs, weights=weights)[0]
        is_post = r.random() < {"hashtag": 0.7, "alias": 0.45}.get(kind, 0.35)
        if lang in ("ja",):
            is_post = r.random() < 0.6
        surface = "" if kind == "hashtag" else self.render(b, kind, sub, lang, cat)
        wording = r.random() < 0.5
        cheap = False
        if not is_post:
            cheap = r.random() < 0.6
        if kind not in DISGUISES and not wording and not cheap:
            if is_post:
                wording = True
            else:
                cheap = True
        hashtags: list[str] = []
        if kind == "hashtag":
            hashtags.append(self.brand_hashtag(b, cat))
            if r.random() < 0.3:
                hashtags.append(self.brand_hashtag(b, cat))
        elif (
            kind in ("homoglyph", "leetspeak", "spaced", "typo", "alias", "compound")
            and is_post
            and r.random() < 0.3
        ):
            hashtags.append(self.brand_hashtag(b, cat))  # lower-priority kind, same brand
        if is_post:
            hashtags += r.sample(POST_TAGS + CAT_TAGS[cat], r.randrange(1, 4))
        hashtags = list(dict.fromkeys(hashtags))

        if lang in ("ja", "ru"):
            alias = f"{surface} {p['name']}" if b.get("_common_word") else surface
            title, text = self._alias_text(b, lang, cat, alias, wording, is_post)
        else:
            c = self.ctx(b, p, cat, lang, surface)
            if lang == "zh":
                c["P"] = ""
            if kind != "alias":
                self.common_word_fix(c, b, p)
            req: list[str] = []
            opt: list[str] = []
            if is_post:
                pool = PROMO_N[lang] if kind == "hashtag" else PROMO_B[lang]
                req.append(self.fmt(r.choice(pool), c))
            else:
                pool = OPEN_N[lang] if kind == "hashtag" else OPEN_B[lang]
                req.append(self.fmt(r.choice(pool), c))
            if wording:
                wpool = W_N[lang] + ([] if kind in ("hashtag", "compound") else W_B[lang])
                req.append(self.fmt(r.choice(wpool), c))
            if is_post:
                req.append(r.choice(CTA[lang]))
            opt += [self.fmt(r.choice(DET[lang]), c), self.fmt(r.choice(SHIP[lang]), c)]
            if not is_post and lang != "zh" and r.random() < 0.4:
                opt.append(self.filler_tags(lang, r.randrange(3, 6)))
            opt += self.extras(lang)
            title = None
            if not is_post or r.random() < 0.2:
                tpl = TITLE_N[lang] if kind == "hashtag" else TITLE_B[lang]
                suffix = ""
                if wording and r.random() < 0.4:
                    suffix = r.choice(TITLE_WORDING[lang])
                title = self.title(tpl, c, lang, suffix)
            text = self.assemble(req, opt, lang)
        inline = is_post and r.random() < 0.5
        if inline and hashtags:
            text = text + " " + " ".join(hashtags)
            if len(text) > 400:
                text = text[: 400 - 1 - len(" ".join(hashtags))].rstrip() + " " + " ".join(hashtags)
            hashtags = []
        if is_post:
            platform = self.pick_post_platform()
            acct = self.account(platform, "promoter", lang)
            rec = self.make_post(
                platform, acct, text, hashtags or None, title if platform == "pinterest" else None
            )
            price_flag = False
            seller = False
        else:
            curs = {c for c in b["products"][0]["price_floor"]}
            platform, mkt, cur = self.pick_listing_platform(lang, curs)
            acct = self.account(platform, "counterfeit", lang)
            price = self.cheap_price(b, cur) if cheap else self.plausible_price(b, p, cur)
            if title is None:
                raise AssertionError("listing without title")
            rec = self.make_listing(
                platform, mkt, acct, cat, title, text, price, cur, hashtags or None
            )
            price_flag = cheap
            seller = True
        self.emit(rec, self.label(b, kind, wording, price_flag, seller, case))

    def _alias_text(
        self, b: dict[str, Any], lang: str, cat: str, alias: str, wording: bool, is_post: bool
    ) -> tuple[str, str]:
        r = self.rng
        if lang == "ja":
            c = {"A": alias, "NJ": JA_NOUN[cat]}
            title = r.choice(JA_T).format(**c)
            while len(title) < 30:
                title += " 人気"
            sents = [s.format(**c) for s in JA_X]
            req = [sents[0]]
            if wording:
                req.append(r.choice(W_N["en"]) + " ")
            text = self.assemble(req + sents[1:2], sents[2:], "ja")
        else:
            c = {"A": alias, "NR": RU_NOUN[cat]}
            title = r.choice(RU_T).format(**c)
            sents = [s.format(**c) for s in RU_X]
            req = [sents[0]]
            if wording:
                req.append(r.choice(W_N["en"]))
            text = self.assemble(req + sents[1:2], sents[2:], "ru")
        return title, text

    # ===================================================================================
    # Low cases (brand named, nothing suspicious)
    # ===================================================================================
    def low_authorized(self, b: dict[str, Any]) -> None:
        r = self.rng
        entry = r.choice(b["authorized_sellers"])
        platform = entry["platform"]
        acct = self.authorized_account(b, entry)
        p = r.choice(b["products"])
        cat = CAT_KEY[p["category"]]
        curs = set(p["list_price"])
        lang = r.choice(["en", "en", "fr", "de", "it", "es"])
        cur = "EUR" if lang != "en" and "EUR" in curs else "USD"
        if cur not in curs:
            cur, lang = "USD", "en"
        mkt = None
        if platform in ("amazon", "ebay"):
            mkt = f"{platform}.com" if cur == "USD" else f"{platform}.{lang}"
        surface = self.cased(b, allow_lower=False)
        c = self.ctx(b, p, cat, lang, surface)
        title = self.title([AUTH_T[lang]], c, lang)
        sents = [self.fmt(s, c) for s in AUTH_X[lang]]
        text = self.assemble(
            sents[:1], [*sents[1:], self.fmt(r.choice(DET[lang]), c), *self.extras(lang)], lang
        )
        price = float(p["list_price"][cur])
        if r.random() < 0.3:
            price = float(max(int(price * 0.9), int(max(self.floors(b, cur)) * 1.05)))
        rec = self.make_listing(platform, mkt, acct, cat, title, text, price, cur)
        self.emit(rec, self.label(b, "exact", False, False, False, "low_authorized_seller"))

    def low_secondhand(self, b: dict[str, Any]) -> None:
        r = self.rng
        lang = r.choice(["en", "en", "en", "fr", "de", "it", "es"])
        cands = [p for p in b["products"]]
        p = r.choice(cands)
        cat = CAT_KEY[p["category"]]
        cur = "EUR" if lang != "en" and "EUR" in p["list_price"] else "USD"
        hi_floor = max(self.floors(b, cur))
        fitting = [q for q in b["products"] if q["list_price"].get(cur, 0) * 0.85 > hi_floor * 1.15]
        if p not in fitting:
            p = fitting[0]
            cat = CAT_KEY[p["category"]]
        platform = r.choice(["ebay", "ebay", "facebook", "etsy"])
        mkt = None
        if platform == "ebay":
            mkt = "ebay.com" if cur == "USD" else f"ebay.{lang}"
        acct = self.account(platform, "private", lang)
        surface = self.cased(b, allow_lower=False)
        c = self.ctx(b, p, cat, lang, surface)
        c["CITY"] = r.choice(
            ["Paris", "Milan", "London", "New York", "Munich", "Madrid", "Geneva", "Rome", "Tokyo"]
        )
        title = self.title([SECONDHAND_T[lang]], c, lang)
        sents = [self.fmt(s, c) for s in SECONDHAND_X[lang]]
        text = self.assemble(sents[:2], sents[2:] + self.extras(lang)[:1], lang)
        price = self.plausible_price(b, p, cur, hi_share=0.85)
        rec = self.make_listing(platform, mkt, acct, cat, title, text, price, cur)
        self.emit(rec, self.label(b, "exact", False, False, True, "low_secondhand_receipt"))

    def low_fan(self, b: dict[str, Any]) -> None:
        r = self.rng
        lang = r.choices(["en", "es", "fr", "it", "de", "zh"], weights=[50, 10, 12, 10, 8, 10])[0]
        p = r.choice(b["products"])
        cat = CAT_KEY[p["category"]]
        use_alias = lang == "zh" and r.random() < 0.6
        surface = b["aliases"]["zh"] if use_alias else self.cased(b, allow_lower=False)
        c = self.ctx(b, p, cat, lang, surface)
        if not use_alias:
            self.common_word_fix(c, b, p)
        more = [self.fmt(s, c) for s in FAN_MORE[lang]]
        r.shuffle(more)
        text = self.assemble([self.fmt(r.choice(FAN[lang]), c), more[0]], more[1:], lang)
        hashtags = []
        mention = "alias" if use_alias else "exact"
        if r.random() < 0.55:
            hashtags.append(self.brand_hashtag(b, cat))
            if mention == "exact":
                mention = "hashtag"
        hashtags += r.sample(
            ["#ootd", "#happy", "#treatyourself", "#birthday", "#mood", "#collection"]
            + CAT_TAGS[cat],
            2,
        )
        platform = self.pick_post_platform()
        acct = self.account(platform, "fan", lang)
        if r.random() < 0.5:
            text = text + " " + " ".join(hashtags)
            hashtags = []
        rec = self.make_post(platform, acct, text, hashtags or None)
        self.emit(rec, self.label(b, mention, False, False, False, "low_fan_post"))

    # ===================================================================================
    # Negative cases (no brand evidence at all)
    # ===================================================================================
    def neg_generic(
        self,
        lang: str,
        title: str,
        text: str,
        cat: str,
        price: float | None,
        cur: str | None,
        wording: bool,
        case: str,
        post: bool = False,
        role: str = "generic",
        allowed: list[str] | None = None,
        price_flag: bool = False,
    ) -> None:
        if post:
            platform = self.pick_post_platform()
            acct = self.account(platform, "person" if role == "generic" else role, lang)
            rec = self.make_post(platform, acct, text)
        else:
            plang = lang if lang in LISTING_PLATFORMS else "en"
            platform, mkt, cur0 = self.pick_listing_platform(plang, {cur} if cur else None, allowed)
            acct = self.account(platform, role, lang)
            rec = self.make_listing(platform, mkt, acct, cat, title, text, price, cur0)
        self.emit(rec, self.label(None, None, wording, price_flag, False, case))

    def neg_dictionary(self, b: dict[str, Any], word: str, lang: str) -> None:
        r = self.rng
        key = word.split()[0]
        if key in NATURAL and r.random() < 0.75:
            lg, t, x = NATURAL[key]
            c = {"C": r.choice(COLORS[lg])}
            title, text = t.format(**c), x
            lang = lg
        else:
            frames = GENERIC_WORD_FRAMES[lang]
            t, x = r.choice(frames)
            wdisp = " ".join(w.capitalize() for w in word.split())
            title, text = t.format(W=wdisp), x.format(W=wdisp)
        price = float(r.randrange(8, 60)) + 0.5
        self.neg_generic(
            lang,
            title,
            text,
            "misc",
            price,
            None,
            False,
            "neg_dictionary_word",
            allowed=["ebay", "etsy", "facebook", "amazon", "webstore"],
        )

    def neg_dictionary_ru(self, word: str) -> None:
        r = self.rng
        if word in NATURAL_RU:
            title, text = NATURAL_RU[word]
        else:
            t, x = GENERIC_WORD_FRAMES["ru"][0]
            title, text = t.format(W=word.capitalize()), x.format(W=word.capitalize())
        price = float(r.randrange(3, 20)) + 0.99
        self.neg_generic(
            "ru", title, text, "misc", price, "USD", False, "neg_dictionary_word_alias"
        )

    def neg_person(self, b: dict[str, Any]) -> None:
        r = self.rng
        loc = r.choice(b["_person_locales"])
        lang = loc[:2]
        fk = self.fakers[loc]
        if b["_person"] == "surname":
            first = self.clean(fk.first_name)
            name = f"{first} {b['_display']}"
        else:
            last = self.clean(fk.last_name)
            name = f"{b['_display']} {last}"
        city = self.city(lang)
        if r.random() < 0.3:
            text = PERSON_POSTS[lang].format(NAME=name, CITY=city)
            extra = {
                "en": " Months of early mornings paid off.",
                "fr": " Des mois d'entraînement récompensés.",
                "it": " Tanto lavoro finalmente ripagato.",
                "de": " Die ganze Arbeit hat sich gelohnt.",
                "es": " Meses de trabajo que han valido la pena.",
            }[lang]
            self.neg_generic(
                lang, "", text + extra, "misc", None, None, False, "neg_person_name", post=True
            )
            return
        t, x = r.choice(PERSON_FRAMES[lang])
        title = t.format(NAME=name, CITY=city)
        text = x.format(NAME=name, CITY=city)
        price = float(r.randrange(15, 120))
        self.neg_generic(
            lang,
            title,
            text,
            "misc",
            price,
            "EUR" if lang != "en" else "USD",
            False,
            "neg_person_name",
            role="private",
            allowed=["ebay", "etsy", "facebook"],
        )

    def address(self, b: dict[str, Any], lang: str) -> str:
        r = self.rng
        mark = b["_display"]
        loc = {"en": "en_US", "fr": "fr_FR", "it": "it_IT", "de": "de_DE", "es": "es_ES"}[lang]
        fk = self.fakers[loc]
        num = r.randrange(1, 180)
        city = self.city(lang)
        if lang == "en":
            suffix = self.clean(fk.street_suffix)
            return f"{num} {mark} {suffix}, {city}"
        if lang == "fr":
            prefix = self.clean(fk.street_prefix).lower()
            return f"{num} {prefix} {mark}, {fk.postcode()} {city}"
        if lang == "it":
            return f"Via {mark} {num}, {city}"
        if lang == "de":
            street = r.choice(["straße", "weg", "allee"])
            return f"{mark}{street} {num}, {fk.postcode()} {city}"
        return f"Calle {mark} {num}, {city}"

    def neg_place(self, b: dict[str, Any]) -> None:
        r = self.rng
        lang = r.choice(b["_place"])
        addr = self.address(b, lang)
        if r.random() < 0.3:
            text = PLACE_POSTS[lang].format(ADDR=addr)
            more = {
                "en": " Open every day from 7 am, worth the detour.",
                "fr": " Ouvert tous les jours, ça vaut le détour.",
                "it": " Aperto tutti i giorni, merita una visita.",
                "de": " Täglich geöffnet, lohnt sich wirklich.",
                "es": " Abierto todos los días, merece la pena.",
            }[lang]
            self.neg_generic(
                lang, "", text + more, "misc", None, None, False, "neg_place_name", post=True
            )
            return
        t, x, pr = r.choice(PLACE_FRAMES[lang])
        title = t.format(ADDR=addr)
        if len(title) > 120:
            title = title[:120].rsplit(" ", 1)[0]
        text = x.format(ADDR=addr)
        price = float(r.randrange(*pr)) if pr else None
        platform_lang = lang
        self.neg_generic(
            platform_lang,
            title,
            text,
            "misc",
            price,
            "USD" if lang == "en" else "EUR",
            False,
            "neg_place_name",
            role="private",
            allowed=["facebook"],
        )

    def neg_context(self, b: dict[str, Any], frame: tuple[Any, ...]) -> None:
        r = self.rng
        lang, kind, title, text, pr = frame
        if kind == "post":
            self.neg_generic(
                lang, "", text, "misc", None, None, False, "neg_negative_context", post=True
            )
            return
        price = float(r.randrange(*pr)) + (0.99 if pr[1] < 100 else 0) if pr else None
        cur = "EUR" if lang in ("fr", "it", "es", "de") else "USD"
        plang = lang if lang in LISTING_PLATFORMS else "en"
        self.neg_generic(
            plang,
            title,
            text,
            "misc",
            price,
            cur,
            False,
            "neg_negative_context",
            allowed=["facebook", "ebay", "etsy", "webstore", "shopify"],
        )

    def neg_generic_product(self, b: dict[str, Any], p: dict[str, Any], wording: bool) -> None:
        r = self.rng
        cat = CAT_KEY[p["category"]]
        lang = r.choice(["en", "en", "en", "fr", "de", "it", "es"])
        c = self.ctx(None, p, cat, lang)
        pname = p["name"]
        title_t = {
            "en": ["{P} {N} {C} – {D}", "{N} {P}, {C}, {D}"],
            "fr": ["{N} {P} {C} – {D}"],
            "de": ["{N} {P} {C} – {D}"],
            "it": ["{N} {P} {C} – {D}"],
            "es": ["{N} {P} {C} – {D}"],
        }[lang]
        c["P"] = pname
        suffix = r.choice(TITLE_WORDING[lang]) if wording and r.random() < 0.5 else ""
        title = self.title(title_t, c, lang, suffix)
        req = [self.fmt(r.choice(OPEN_N[lang]), c)]
        if wording:
            req.append(self.fmt(r.choice(W_N[lang]), c))
        text = self.assemble(
            req,
            [
                self.fmt(r.choice(DET[lang]), c),
                self.fmt(r.choice(SHIP[lang]), c),
                *self.extras(lang),
            ],
            lang,
        )
        cur = "EUR" if lang != "en" else "USD"
        cur_opts = set(p["price_floor"])
        if cur not in cur_opts:
            cur = "USD"
        # the product's own name matches a protected product: a cheap price is a true `price`
        # signal even though, without a mark, there is no finding
        cheap = r.random() < 0.7
        price = self.cheap_price(b, cur) if cheap else self.plausible_price(b, p, cur)
        self.neg_generic(
            lang,
            title,
            text,
            cat,
            price,
            cur,
            wording,
            "neg_generic_product_wording" if wording else "neg_generic_product_name",
            price_flag=cheap,
        )

    def neg_unbranded(self, cat: str, wording: bool) -> None:
        r = self.rng
        lang = r.choice(["en", "en", "en", "fr", "de", "it", "es", "zh"])
        c = self.ctx(None, None, cat, lang)
        suffix = ""
        if wording:
            suffix = {
                "en": " Unbranded, No Logo",
                "es": " sin marca",
                "fr": " sans marque",
                "it": " senza marchio",
                "de": " ohne Logo",
                "zh": "无logo",
            }[lang]
        title = self.title(TITLE_N[lang], c, lang, suffix)
        req = [self.fmt(r.choice(OPEN_N[lang]), c)]
        if wording:
            req.append(
                {
                    "en": "Unbranded, logo hidden, plain packaging.",
                    "es": "Sin marca, logo oculto, embalaje neutro.",
                    "fr": "Sans marque, logo caché, emballage neutre.",
                    "it": "Senza marchio, logo nascosto, imballo neutro.",
                    "de": "Ohne Marke, Logo versteckt, neutrale Verpackung.",
                    "zh": "无牌，隐藏logo，中性包装发货。",
                }[lang]
            )
        text = self.assemble(
            req,
            [
                self.fmt(r.choice(DET[lang]), c),
                self.fmt(r.choice(SHIP[lang]), c),
                *self.extras(lang),
            ],
            lang,
        )
        cheap = {
            "handbag": (19, 49),
            "fragrance": (8, 25),
            "sunglasses": (9, 19),
            "shoes": (25, 45),
            "candle": (6, 15),
            "watch": (15, 39),
            "jewelry": (5, 19),
            "skincare": (6, 15),
            "headphones": (15, 35),
            "jacket": (29, 59),
            "scarf": (5, 15),
            "pen": (4, 12),
        }[cat]
        price = float(r.randrange(*cheap)) + 0.99
        self.neg_generic(
            lang,
            title,
            text,
            cat,
            price,
            None,
            wording,
            "neg_unbranded_cheap_wording" if wording else "neg_unbranded_cheap",
        )

    def neg_short_in_word(self, word: str) -> None:
        r = self.rng
        lang, t, x = ARO_IN_WORDS[word]
        title = t.format(C=r.choice(COLORS[lang]))
        text = x.format(C=r.choice(COLORS[lang]))
        price = float(r.randrange(8, 60)) + 0.99
        self.neg_generic(lang, title, text, "misc", price, None, False, "neg_short_mark_in_word")

    def neg_unrelated(self, frame: tuple[Any, ...], case: str) -> None:
        r = self.rng
        lang, t, x, pr = frame
        title = t.format(C=r.choice(COLORS[lang]))
        price = float(r.randrange(*pr)) + 0.99
        self.neg_generic(lang, title, x, "misc", price, None, False, case)

    # ===================================================================================
    # Plan
    # ===================================================================================
    def eligible(self, kind: str, sub: str) -> list[dict[str, Any]]:
        out = []
        for b in self.brands:
            if kind == "typo" and (b.get("_short") or not b["_typos"].get(sub)):
                continue
            if kind == "compound" and (b.get("_short") or b.get("_common_word")):
                continue
            if kind == "alias" and sub not in b["aliases"]:
                continue
            out.append(b)
        return out

    def cycle(self, items: list[Any], n: int) -> list[Any]:
        out: list[Any] = []
        while len(out) < n:
            chunk = list(items)
            self.rng.shuffle(chunk)
            out += chunk
        return out[:n]

    def run(self) -> None:
        r = self.rng
        plan = [
            ("homoglyph", "cyrillic", "pos_homoglyph_cyrillic", 16),
            ("homoglyph", "greek", "pos_homoglyph_greek", 14),
            ("homoglyph", "fullwidth", "pos_homoglyph_fullwidth", 14),
            ("homoglyph", "zerowidth", "pos_homoglyph_zerowidth", 14),
            ("leetspeak", "", "pos_leetspeak", 46),
            ("spaced", "spaces", "pos_spaced_spaces", 12),
            ("spaced", "dots", "pos_spaced_dots", 12),
            ("spaced", "dashes", "pos_spaced_dashes", 11),
            ("spaced", "emoji", "pos_spaced_emoji", 11),
            ("typo", "doubled", "pos_typo_doubled", 12),
            ("typo", "swapped", "pos_typo_swapped", 12),
            ("typo", "omitted", "pos_typo_omitted", 12),
            ("typo", "substituted", "pos_typo_substituted", 12),
            ("alias", "zh", "pos_alias_zh", 22),
            ("alias", "ja", "pos_alias_ja", 12),
            ("alias", "ru", "pos_alias_cyrillic", 10),
            ("compound", "", "pos_compound", 44),
            ("hashtag", "", "pos_hashtag", 44),
            ("exact", "", "pos_exact_latin", 30),
            ("exact", "", "pos_exact_cjk_glued", 16),
        ]
        for kind, sub, case, n in plan:
            for b in self.cycle(self.eligible(kind, sub), n):
                self.positive(b, kind, sub, case)
        for b in self.cycle(self.brands, 36):
            self.low_authorized(b)
        for b in self.cycle(self.brands, 32):
            self.low_secondhand(b)
        for b in self.cycle(self.brands, 32):
            self.low_fan(b)
        # dictionary words near marks (wordfreq)
        pairs = []
        for b in self.brands:
            for w, lang, _z in b["_neighbours"]:
                pairs.append((b, w, lang))
        for b, w, lang in self.cycle(pairs, 70):
            self.neg_dictionary(b, w, lang)
        ru_pairs = [w for b in self.brands for w, _z in b["_ru_neighbours"]]
        for w in self.cycle(ru_pairs, 6):
            self.neg_dictionary_ru(w)
        for b in self.cycle([b for b in self.brands if b.get("_person")], 36):
            self.neg_person(b)
        for b in self.cycle([b for b in self.brands if b.get("_place")], 36):
            self.neg_place(b)
        frames = [(b, f) for b in self.brands for f in NEG_CONTEXT_FRAMES[b["name"]]]
        for b, f in self.cycle(frames, 40):
            self.neg_context(b, f)
        gen_products = [(b, p) for b in self.brands for p in b["products"] if p["_generic"]]
        for b, p in self.cycle(gen_products, 24):
            self.neg_generic_product(b, p, wording=False)
        for b, p in self.cycle(gen_products, 10):
            self.neg_generic_product(b, p, wording=True)
        aro_words = sorted(
            w
            for w in ARO_IN_WORDS
            if "aro" in w and max(wordfreq.zipf_frequency(w, lg) for lg in WORD_LANGS) >= 3
        )
        for w in self.cycle(aro_words, 22):
            self.neg_short_in_word(w)
        for lang, t, x in self.cycle(ARO_ALIAS_IN_WORD, 4):
            self.neg_generic(
                lang if lang in LISTING_PLATFORMS else "ja",
                t,
                x,
                "misc",
                float(r.randrange(15, 40)) + 0.99,
                "USD",
                False,
                "neg_short_mark_in_word",
            )
        cats = sorted(V)
        for cat in self.cycle(cats, 24):
            self.neg_unbranded(cat, wording=False)
        for cat in self.cycle(cats, 10):
            self.neg_unbranded(cat, wording=True)
        for f in self.cycle(WORDING_LOOKALIKE, 10):
            self.neg_unrelated(f, "neg_wording_lookalike")
        for f in self.cycle(UNRELATED, 28):
            self.neg_unrelated(f, "neg_unrelated")
        for lang, text in self.cycle(UNRELATED_POSTS, 10):
            self.neg_generic(lang, "", text, "misc", None, None, False, "neg_unrelated", post=True)

    # ===================================================================================
    # Output
    # ===================================================================================
    def write(self) -> dict[str, Any]:
        r = self.rng
        order = list(range(len(self.records)))
        r.shuffle(order)
        splits: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {"tune": [], "holdout": []}
        # stratified by case: within each case the split RNG shuffles the records and the
        # first round(70 %) go to tune, so every case is represented in both splits
        by_case: dict[str, list[int]] = collections.defaultdict(list)
        for i in range(len(self.records)):
            by_case[self.records[i][1]["case"]].append(i)
        in_tune: set[int] = set()
        for case in sorted(by_case):
            idx = by_case[case]
            self.split_rng.shuffle(idx)
            in_tune.update(idx[: round(len(idx) * TUNE_SHARE)])
        for i in order:
            splits["tune" if i in in_tune else "holdout"].append(self.records[i])
        (HERE / "brands").mkdir(exist_ok=True)
        for b in self.brands:
            fn = HERE / "brands" / (b["name"].lower().replace(" ", "-") + ".yaml")
            with open(fn, "w", encoding="utf-8") as fh:
                fh.write(
                    "# Invented brand for Hallmark's evaluation corpus; generated by "
                    "tests/corpus/generate.py\n"
                )
                yaml.dump(
                    self.brand_yaml(b),
                    fh,
                    Dumper=QuotedDigitsDumper,
                    sort_keys=False,
                    allow_unicode=True,
                    width=100,
                )
        for split, items in splits.items():
            d = HERE / split
            d.mkdir(exist_ok=True)
            used = sorted({(rec["platform"], rec["account"]) for rec, _ in items})
            with open(d / "listings.jsonl", "w", encoding="utf-8") as fh:
                for key in used:
                    fh.write(json.dumps(self.accounts[key], ensure_ascii=False) + "\n")
                for rec, _ in items:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            with open(d / "labels.jsonl", "w", encoding="utf-8") as fh:
                for _, lab in items:
                    fh.write(json.dumps(lab, ensure_ascii=False) + "\n")
        return splits


README_HEAD = """# Hallmark evaluation corpus

A labelled corpus of marketplace listings and social posts for measuring Hallmark's text
detectors (`brand_mention`, `wording`, `price`, `seller`) and the overall risk level.
Everything is synthetic and **all brands are invented**; person names, cities and streets
come from Faker and do not refer to anyone.

Regenerate with `python tests/corpus/generate.py` (seeded with `random.Random(20261124)`;
output is byte-for-byte identical on every run). Check with `python tests/corpus/check.py`
(parses everything, checks labels against records and an independent rule-based reading of
each record, lengths, split shares, minimum counts, and runs the generator twice under
different `PYTHONHASHSEED` values comparing sha256 digests).

## Layout
- `brands/*.yaml` – 12 brand files in the brand YAML format of `notes/formats.md`.
- `tune/listings.jsonl`, `holdout/listings.jsonl` – canonical import records: account
  records first (every account used in that split), then listings and posts.
- `tune/labels.jsonl`, `holdout/labels.jsonl` – one label per listing/post, same order.
- `generate.py` – the generator; `check.py` – the validator.

Split: assigned by the seeded RNG, stratified by case tag: within each case the records are
shuffled and round(70 %) go to `tune`, the rest to `holdout`, so every case appears in both.
Tune thresholds on `tune`; report on `holdout`.

## Sources
- **Unicode confusables** (`confusable_homoglyphs`' `confusables.json`): the Cyrillic,
  Greek and fullwidth look-alikes of each Latin letter are read from it (characters whose
  Unicode name starts with `CYRILLIC … LETTER`, `GREEK … LETTER`, `FULLWIDTH LATIN`);
  fullwidth letters the file lacks (m, r, t, u, …) are resolved by their Unicode name. Zero-width
  disguises use U+200B, U+200C, U+200D, U+2060, U+FEFF (all category Cf).
- **dnstwist** `Fuzzer("<mark>.com")` with the repetition (doubled), transposition
  (swapped), omission (omitted), replacement / vowel-swap / bitsquatting (substituted)
  fuzzers; the TLD is stripped; variants that are real words (wordfreq zipf >= 1 in
  en/fr/es/it/de), contain the mark, or are not plain ASCII letters are dropped.
- **wordfreq**: hard negatives are real words (zipf >= 3 in en/fr/es/it/de) within 1 edit
  (marks of <= 4 letters) or 2 edits of a mark (for two-word marks: of the first word, the
  second kept, e.g. "Nouvelle Paris", "Tessuto nero"); Russian words within 1 edit of the
  Cyrillic aliases; words that contain the 3-letter mark are checked against it (zipf >= 3);
  filler tag words are weighted by their zipf frequency.
- **Faker** (en_US, fr_FR, de_DE, it_IT, es_ES, zh_CN): first and last names, cities,
  street prefixes/suffixes, postcodes, user names, romanized Chinese names and addresses for
  seller accounts. Faker values that come near any mark are re-drawn.
- Hand-written templates: listing titles/descriptions, promoter and fan posts, second-hand and
  official-store texts in en, es, fr, it, de, zh (plus ja and ru for alias records), and
  realistic frames for negative contexts, dictionary words, names and addresses.

## Label format
One JSON object per listing/post (`notes/formats.md`):
`platform`, `external_id`, `brand` (brand name or null), `mention` (expected
`brand_mention` kind, or null when it must not fire for any brand), `wording`, `price`,
`seller`, `infringing`, `expected_level`, `case`.

Rules used to fill them:
- `mention`: the first kind that applies, in the order homoglyph, leetspeak, spaced, typo,
  alias, compound, hashtag, exact. Homoglyph = any non-ASCII look-alike or zero-width
  character; leetspeak = ASCII digits/symbols only (@ 4 0 3 1 $ 7); a Latin mark glued to
  CJK text is `exact`; a mark glued to Latin words outside a hashtag is `compound`.
  A record may carry a second, lower-priority form of the same brand (e.g. a homoglyph
  title plus `#montavelli`): the label names the first kind.
- `wording`: counterfeit-intent wording present anywhere (replica, 1:1, AAA, mirror quality,
  dupe, inspired by, unbranded, logo hidden, DM for price, réplica, copia, réplique, copie,
  Replik, Kopie, 高仿, A货, 一比一, 复刻, 原单, 精仿, 无logo …), also when no brand is named.
  "AAA batteries", "1:18 scale", "bathroom mirror", "inspired by nature" are not wording.
- `price`: the listing names a brand's product (through the mark, or through the product's
  own name as in `neg_generic_product_*`) and its price is below 0.5 x the lowest
  `price_floor` of that brand in that currency (cheap listings sit at 15-45 % of it);
  `false` prices are at or above the highest floor (second-hand and counterfeit-at-full-price
  listings at 1.1 x or more, official stores at list price or a sale of at most 10 %). Only
  listings carry prices; `price` is false when neither a mark nor a product name is present
  (cheap unbranded goods, person and place names). Like `wording`, a true `price` without
  a mark never makes a finding (level `none`).
- `seller`: a listing (not a post) that names the brand, by an account not in the brand's
  `authorized_sellers` for that platform.
- `expected_level`: `none` without brand evidence; `high` if wording, or price together with
  seller or a disguise (homoglyph/leetspeak/spaced/typo); `medium` if price or a disguise;
  otherwise `low` (authorized seller at list price, second-hand with receipt at a plausible
  price, fan post). `infringing` = level is medium or high.

Known judgement calls: a second-hand listing by a private seller has `seller: true` but
level `low`; a common-word mark ("Juniper") or 3-letter mark ("ARO") is only labelled where
the context makes the brand use clear (product names, brand hashtags); ARO has no typo or
compound positives and Juniper no compound positives (too ambiguous to label).
"""


def readme(gen: Gen, splits: dict[str, Any]) -> str:
    lines = [README_HEAD, "## Counts\n"]
    total = sum(len(v) for v in splits.values())
    accounts = {
        s: len({(rec["platform"], rec["account"]) for rec, _ in items})
        for s, items in splits.items()
    }
    lines.append(
        f"{total} listings/posts; brands: " + ", ".join(b["name"] for b in gen.brands) + ".\n"
    )
    lines.append("| split | records | share | accounts | infringing | not infringing |")
    lines.append("|---|---|---|---|---|---|")
    for s, items in splits.items():
        inf = sum(1 for _, lab in items if lab["infringing"])
        lines.append(
            f"| {s} | {len(items)} | {len(items) / total:.1%} | {accounts[s]} | "
            f"{inf} | {len(items) - inf} |"
        )
    lines.append("")
    lines.append("Expected `mention` kind per split:\n")
    lines.append("| mention | tune | holdout | total |")
    lines.append("|---|---|---|---|")
    for kind in [*ORDER, None]:
        t = sum(1 for _, lab in splits["tune"] if lab["mention"] == kind)
        h = sum(1 for _, lab in splits["holdout"] if lab["mention"] == kind)
        lines.append(f"| {kind or 'null'} | {t} | {h} | {t + h} |")
    lines.append("")
    lines.append("Cases (generator case tag) with expected level:\n")
    lines.append("| case | tune | holdout | levels |")
    lines.append("|---|---|---|---|")
    cases = sorted({lab["case"] for items in splits.values() for _, lab in items})
    for c in cases:
        t = sum(1 for _, lab in splits["tune"] if lab["case"] == c)
        h = sum(1 for _, lab in splits["holdout"] if lab["case"] == c)
        lv = collections.Counter(
            lab["expected_level"]
            for items in splits.values()
            for _, lab in items
            if lab["case"] == c
        )
        lvs = ", ".join(f"{k} {v}" for k, v in sorted(lv.items()))
        lines.append(f"| {c} | {t} | {h} | {lvs} |")
    lines.append("")
    lines.append("Signals and levels (all splits):\n")
    allitems = [lab for items in splits.values() for _, lab in items]
    lv = collections.Counter(lab["expected_level"] for lab in allitems)
    lines.append(
        "- expected_level: " + ", ".join(f"{k} {lv[k]}" for k in ["high", "medium", "low", "none"])
    )
    for sig in ["wording", "price", "seller"]:
        lines.append(f"- {sig} true: {sum(1 for lab in allitems if lab[sig])}")
    kinds = collections.Counter(rec["kind"] for items in splits.values() for rec, _ in items)
    plats = collections.Counter(rec["platform"] for items in splits.values() for rec, _ in items)
    lines.append(f"- kinds: listing {kinds['listing']}, post {kinds['post']}")
    lines.append("- platforms: " + ", ".join(f"{k} {v}" for k, v in sorted(plats.items())))
    lines.append("")
    lines.append("Hard-negative words drawn from wordfreq (per brand):\n")
    for b in gen.brands:
        ws = [w for w, _l, _z in b["_neighbours"]] + [w for w, _z in b["_ru_neighbours"]]
        lines.append(f"- {b['name']}: {', '.join(ws) if ws else '(none with zipf >= 3)'}")
    lines.append(
        "\nLeft out on purpose (real brand names, public figures, rude words): "
        + ", ".join(sorted(NEIGHBOUR_BLOCKLIST))
        + ".\n"
    )
    lines.append("## Brands\n")
    lines.append("| brand | mark | aliases | products (category, floor) | authorized sellers |")
    lines.append("|---|---|---|---|---|")
    for b in gen.brands:
        prods = "; ".join(
            f"{p['name']} ({p['category']}, "
            + ", ".join(f"{v} {k}" for k, v in p["price_floor"].items())
            + ")"
            for p in b["products"]
        )
        sellers = ", ".join(f"{a['platform']}:{a['account']}" for a in b["authorized_sellers"])
        aliases = ", ".join(b["aliases"].values())
        lines.append(f"| {b['name']} | {b['marks'][0]} | {aliases} | {prods} | {sellers} |")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    gen = Gen()
    gen.run()
    splits = gen.write()
    with open(HERE / "README.md", "w", encoding="utf-8") as fh:
        fh.write(readme(gen, splits))
    n = sum(len(v) for v in splits.values())
    print(f"wrote {n} listings/posts: tune {len(splits['tune'])}, holdout {len(splits['holdout'])}")


if __name__ == "__main__":
    main()
