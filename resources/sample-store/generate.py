#!/usr/bin/env python3
"""Generates the sample store's data files: products.csv, locations.csv, stock.csv (staff.csv,
the demo's people and their PINs, is written by hand).

Run it from anywhere: `python3 resources/sample-store/generate.py`. The output depends only on
the seed below, so running it again gives the same files; commit them together with any change
here. Stockline itself never runs this script: it reads the CSV files.

The store is fictional and so is its tax jurisdiction: 0 % on food and medicine, 2.25 % on
prepared food, 8.25 % on general merchandise, candy and soft drinks, 10 % on beer and wine.
"""

import csv
import os
import random

SEED = 20261122
HERE = os.path.dirname(os.path.abspath(__file__))

FOOD, PREPARED, GENERAL, ALCOHOL = "0", "2.25", "8.25", "10"

# GS1 prefixes of countries for plain EAN-13 codes: never 0 (that is UPC-A's range) or 02 and
# 20–29 (in-store codes with an embedded price or weight).
EAN13_PREFIXES = ["400", "401", "402", "403", "404", "405", "406", "407", "408", "409", "410",
                  "500", "501", "502", "503", "504", "505", "506", "507", "508", "509",
                  "540", "541", "560", "570", "590", "599", "640", "730", "760", "761",
                  "800", "801", "802", "803", "840", "841", "870", "871", "900", "901", "930"]
# UPC-A number systems for plain items: 0, 6, 7, 8, and 3 for medicines. Never 2 (embedded
# price), 4 (in-store) or 5 (coupons).
UPC_SYSTEMS = ["0", "6", "7", "8"]
EAN8_PREFIXES = ["40", "41", "42", "43", "44", "50", "73", "76", "87", "90"]


def check_digit(body):
    """GS1 mod-10: weights 3 and 1 alternate from the rightmost digit of the body."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


class Barcodes:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.next_item = {}

    def _unique(self, make):
        while True:
            code = make()
            if code not in self.used:
                self.used.add(code)
                return code

    def _digits(self, n):
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def ean13(self):
        def make():
            prefix = self.rng.choice(EAN13_PREFIXES)
            body = prefix + self._digits(12 - len(prefix))
            return body + check_digit(body)
        return self._unique(make)

    def upca(self, system=None):
        def make():
            body = (system or self.rng.choice(UPC_SYSTEMS)) + self._digits(10)
            return body + check_digit(body)
        return self._unique(make)

    def ean8(self):
        def make():
            prefix = self.rng.choice(EAN8_PREFIXES)
            body = prefix + self._digits(7 - len(prefix))
            return body + check_digit(body)
        return self._unique(make)

    def embedded(self, prefix):
        """An in-store code as the catalog lists it: PP IIIII 00000 C, the value digits zero."""
        item = self.next_item.get(prefix, 1001)
        self.next_item[prefix] = item + 7
        body = prefix + "%05d" % item + "00000"
        code = body + check_digit(body)
        assert code not in self.used
        self.used.add(code)
        return code


def price(rng, low, high):
    """A shelf price between low and high ending in .x9 like real ones, as text."""
    cents = rng.randrange(int(low * 100), int(high * 100) + 1)
    cents = max(cents - cents % 10 + 9, 9)
    return "%d.%02d" % (cents // 100, cents % 100)


# Department, SKU prefix, and lines of (names, sizes, brands, low, high, tax, code kind).
# A line expands to brand × name × size products until the department has its share.
# Code kinds: "ean13", "upca", "ean8", "price" (20–24: price in the code), "weight" (25–29:
# weight in the code, price per kg).
CATALOG = [
    ("Produce", "PRD", [
        (["Bananas", "Organic bananas", "Gala apples", "Granny Smith apples", "Honeycrisp apples",
          "Bartlett pears", "Navel oranges", "Lemons", "Limes", "Red grapes", "Green grapes",
          "Tomatoes on the vine", "Roma tomatoes", "Yellow onions", "Red onions", "Russet potatoes",
          "Sweet potatoes", "Carrots", "Zucchini", "Red bell peppers", "Jalapeño peppers",
          "Ginger root", "Garlic", "Mushrooms, white", "Avocados (Hass)", "Mangoes", "Kiwifruit",
          "Peaches", "Nectarines", "Plums", "Cucumbers", "Broccoli crowns", "Cauliflower",
          "Eggplant", "Parsnips", "Beets", "Butternut squash"],
         ["per kg"], [""], 1.29, 5.99, FOOD, "weight"),
        (["Baby spinach", "Spring mix salad", "Romaine hearts", "Cherry tomatoes", "Blueberries",
          "Strawberries", "Raspberries", "Baby carrots", "Green beans", "Snap peas",
          "Fresh basil", "Fresh cilantro", "Kale, chopped", "Coleslaw mix"],
         ["125 g", "250 g", "500 g"], ["Fresh Fields", "Green Acre"], 1.49, 5.99, FOOD, "upca"),
    ]),
    ("Dairy", "DAI", [
        (["Whole milk", "2% reduced fat milk", "Skim milk", "Lactose-free milk", "Oat drink",
          "Almond drink"], ["1 l", "2 l"], ["Meadow Gold", "Alpenhof", "Happy Cow"], 1.19, 4.49,
         FOOD, "ean13"),
        (["Greek yogurt, plain", "Greek yogurt, honey", "Strawberry yogurt", "Skyr, vanilla",
          "Kefir", "Cottage cheese", "Sour cream", "Crème fraîche", "Whipping cream",
          "Salted butter", "Unsalted butter", "Cream cheese"],
         ["200 g", "500 g"], ["Alpenhof", "Happy Cow", "Nordic Farms"], 0.99, 5.49, FOOD, "ean13"),
        (["Cheddar, mild", "Cheddar, extra sharp", "Mozzarella", "Gouda", "Emmental", "Gruyère",
          "Brie", "Camembert", "Parmigiano Reggiano", "Feta", "Halloumi"],
         ["200 g"], ["Alpenhof", "Fromagerie Rousseau", "Happy Cow"], 2.49, 8.99, FOOD, "ean13"),
        (["Large eggs, 12", "Free-range eggs, 6", "Organic eggs, 10"], [""],
         ["Sunny Side Farm"], 2.29, 5.99, FOOD, "upca"),
    ]),
    ("Bakery", "BAK", [
        (["Sourdough loaf", "Baguette", "Whole wheat loaf", "Rye bread", "Ciabatta",
          "Cinnamon rolls, 4", "Croissants, 4", "Blueberry muffins, 4", "Apple pie",
          "Carrot cake slice", "Chocolate chip cookies, 6", "Birthday cake", "Focaccia",
          "Bagels, 6"], [""], [""], 1.99, 14.99, FOOD, "price"),
        (["Sandwich bread, white", "Sandwich bread, whole grain", "Hamburger buns, 8",
          "Hot dog buns, 8", "Flour tortillas, 10", "English muffins, 6", "Pita bread, 6",
          "Naan, 4"], [""], ["Golden Crust", "Baker's Pride"], 1.49, 4.99, FOOD, "ean13"),
    ]),
    ("Deli", "DEL", [
        (["Black Forest ham, sliced", "Smoked turkey breast, sliced", "Genoa salami",
          "Prosciutto di Parma", "Roast beef, sliced", "Mortadella", "Swiss cheese, sliced",
          "Provolone, sliced", "Pepper jack, sliced", "Olives, mixed", "Hummus, by weight",
          "Pâté de campagne"], ["per kg"], [""], 8.99, 39.99, FOOD, "weight"),
        (["Rotisserie chicken", "Chicken Caesar wrap", "Turkey club sandwich",
          "Caprese sandwich", "Potato salad", "Pasta salad", "Sushi, California roll",
          "Mac and cheese", "Lasagna, single", "Soup of the day", "Fried chicken, 8 pieces",
          "Pizza 12\" Margherita", "Quiche Lorraine", "Spring rolls, 6"],
         [""], [""], 3.99, 12.99, PREPARED, "price"),
    ]),
    ("Meat & Seafood", "MEA", [
        (["Chicken breast, boneless", "Chicken thighs", "Ground beef 80/20", "Ground beef 93/7",
          "Beef ribeye steak", "Beef sirloin steak", "Pork chops", "Pork tenderloin",
          "Lamb chops", "Atlantic salmon fillet", "Cod fillet", "Shrimp, raw 31/40",
          "Tilapia fillet", "Italian sausage", "Bratwurst"],
         ["per kg"], [""], 6.99, 49.99, FOOD, "weight"),
    ]),
    ("Grocery", "GRO", [
        (["Spaghetti", "Penne rigate", "Fusilli", "Lasagna sheets", "Basmati rice",
          "Jasmine rice", "Long grain rice", "Rolled oats", "Corn flakes", "Granola, honey almond",
          "All-purpose flour", "Granulated sugar", "Brown sugar", "Black beans, canned",
          "Chickpeas, canned", "Diced tomatoes, canned", "Tomato paste", "Marinara sauce",
          "Peanut butter, creamy", "Strawberry jam", "Honey", "Maple syrup", "Olive oil, extra virgin",
          "Canola oil", "Chicken broth", "Tuna in water", "Ketchup", "Yellow mustard", "Mayonnaise",
          "Soy sauce", "Red wine vinegar", "Ground coffee, medium roast", "Espresso beans",
          "Green tea, 20 bags", "Black tea, 40 bags", "Hot cocoa mix"],
         ["", "family size"], ["Pantry Select", "Casa Bella", "Harvest Table"], 0.89, 12.99,
         FOOD, "ean13"),
        (["Sea salt", "Black pepper, ground", "Cinnamon, ground", "Paprika", "Oregano",
          "Cumin, ground", "Chili flakes", "Bay leaves", "Vanilla extract", "Baking soda"],
         [""], ["Spice Route"], 1.29, 6.99, FOOD, "ean8"),
    ]),
    ("Frozen", "FRZ", [
        (["Frozen peas", "Frozen mixed vegetables", "Frozen broccoli florets", "French fries",
          "Hash browns", "Frozen pizza, pepperoni", "Frozen pizza, four cheese", "Fish sticks",
          "Chicken nuggets", "Vanilla ice cream", "Chocolate ice cream", "Mango sorbet",
          "Frozen blueberries", "Frozen waffles", "Veggie burgers, 4", "Dumplings, pork"],
         [""], ["Polar Pantry", "Winter Harvest"], 1.99, 8.99, FOOD, "ean13"),
    ]),
    ("Snacks", "SNK", [
        (["Potato chips, sea salt", "Potato chips, salt & vinegar", "Tortilla chips",
          "Pretzels", "Popcorn, butter", "Mixed nuts, salted", "Trail mix", "Rice cakes",
          "Crackers, whole wheat", "Granola bars, 6"], ["", "party size"],
         ["Crunch Co", "Valley Snacks"], 1.49, 6.99, FOOD, "upca"),
        (["Milk chocolate bar", "Dark chocolate 70%", "Chewing gum, mint", "Gummy bears",
          "Licorice", "Caramel bar", "Peanut butter cups"], [""],
         ["Sweet Street", "Chocolatier Müller"], 0.79, 3.99, GENERAL, "ean8"),
    ]),
    ("Beverages", "BEV", [
        (["Cola", "Diet cola", "Lemon-lime soda", "Ginger ale", "Root beer", "Orange soda",
          "Energy drink", "Iced tea, peach", "Sports drink, blue"],
         ["330 ml can", "6 × 330 ml", "2 l"], ["Fizz", "Sparkle"], 0.89, 7.99, GENERAL, "upca"),
        (["Orange juice", "Apple juice", "Cranberry juice", "Sparkling water", "Spring water",
          "Coconut water", "Cold brew coffee"],
         ["1 l", "6 × 500 ml"], ["Sunrise", "Clear Springs"], 0.99, 6.99, FOOD, "ean13"),
    ]),
    ("Beer & Wine", "ALC", [
        (["Pilsner", "IPA", "Wheat beer", "Stout", "Lager", "Amber ale"],
         ["6 × 355 ml", "12 × 355 ml"], ["Harbor Brewing", "Brauerei Köhler"], 7.99, 19.99,
         ALCOHOL, "upca"),
        (["Cabernet Sauvignon", "Merlot", "Pinot Noir", "Chardonnay", "Sauvignon Blanc", "Rosé",
          "Prosecco", "Riesling"], ["750 ml"], ["Château Lafleur", "Valle Verde", "Oak Ridge"],
         8.99, 29.99, ALCOHOL, "ean13"),
    ]),
    ("Household", "HOU", [
        (["Paper towels, 6 rolls", "Toilet paper, 12 rolls", "Facial tissues", "Dish soap",
          "Dishwasher tablets, 40", "Laundry detergent", "Fabric softener", "All-purpose cleaner",
          "Glass cleaner", "Trash bags, 30", "Aluminum foil", "Plastic wrap", "Sandwich bags, 50",
          "Sponges, 3", "AA batteries, 4", "AAA batteries, 4", "LED bulb 60 W", "Matches",
          "Candles, unscented", "Air freshener"],
         [""], ["CleanHome", "Brightway"], 1.29, 19.99, GENERAL, "ean13"),
    ]),
    ("Health & Beauty", "HBA", [
        (["Shampoo", "Conditioner", "Body wash", "Bar soap, 3", "Toothpaste", "Toothbrush, soft",
          "Dental floss", "Mouthwash", "Deodorant", "Hand cream", "Sunscreen SPF 30",
          "Lip balm", "Cotton pads", "Razors, 4"],
         [""], ["Pure & Simple", "Belle Peau", "Fresh Care"], 1.49, 14.99, GENERAL, "ean13"),
        (["Ibuprofen 200 mg, 50", "Acetaminophen 500 mg, 50", "Allergy relief, 30",
          "Cough drops", "Antacid tablets", "Adhesive bandages, 40", "Vitamin C 500 mg",
          "Multivitamin"], [""], ["HealthFirst"], 2.99, 14.99, FOOD, "upca3"),
    ]),
    ("Pet", "PET", [
        (["Dry dog food, chicken", "Dry cat food, salmon", "Wet cat food, 12", "Dog treats",
          "Cat litter", "Chew toy"], ["", "large"], ["Happy Paws"], 2.99, 29.99, GENERAL, "ean13"),
    ]),
]

EMBEDDED_PREFIXES = {"price": ["20", "21", "22", "23", "24", "02"],
                     "weight": ["25", "26", "27", "28", "29"]}


def barcode_for(kind, codes, rng, index):
    if kind == "ean13":
        # A few items have no barcode of their own: it is rung up by SKU or by search.
        return "" if rng.random() < 0.03 else codes.ean13()
    if kind == "upca":
        return codes.upca()
    if kind == "upca3":
        return codes.upca("3")
    if kind == "ean8":
        return codes.ean8()
    prefixes = EMBEDDED_PREFIXES[kind]
    return codes.embedded(prefixes[index % len(prefixes)])


def products(rng):
    codes = Barcodes(rng)
    rows = []
    for department, sku_prefix, lines in CATALOG:
        number = 0
        for names, sizes, brands, low, high, tax, kind in lines:
            for name in names:
                for brand in brands:
                    for size in sizes:
                        number += 1
                        full = " ".join(part for part in (brand, name, size) if part)
                        if kind == "weight":
                            full = name + " (per kg)"
                        rows.append({
                            "sku": "%s-%04d" % (sku_prefix, number),
                            "barcode": barcode_for(kind, codes, rng, number),
                            "name": full,
                            "price": price(rng, low, high),
                            "tax_rate": tax,
                            "department": department,
                            # Every third packaged line reorders at 12 units (no random draw:
                            # the stock below must not change with it).
                            "reorder_point": 12 if kind != "weight" and number % 3 == 0 else "",
                            # Weighed goods are sold by the kg: their stock is in grams.
                            "unit": "kg" if kind == "weight" else "",
                        })
    return rows


def main():
    rng = random.Random(SEED)
    items = products(rng)
    assert len(items) >= 500, len(items)
    with open(os.path.join(HERE, "products.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["sku", "barcode", "name", "price", "tax_rate", "department",
                                    "reorder_point", "unit"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(items)
    with open(os.path.join(HERE, "locations.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "name"])
        writer.writerow(["store-1", "Store floor"])
        writer.writerow(["backroom-1", "Back room"])
    with open(os.path.join(HERE, "stock.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["sku", "location", "qty"])
        for item in items:
            for location, most in (("store-1", 48), ("backroom-1", 240)):
                # About one level in eight is out of stock.
                qty = 0 if rng.random() < 0.125 else rng.randint(1, most)
                # The same draw for every item; a weighed one has that many kg, in grams.
                if item["unit"] == "kg":
                    qty *= 1000
                writer.writerow([item["sku"], location, qty])
    print("products: %d, with barcode: %d" % (len(items), sum(1 for i in items if i["barcode"])))


if __name__ == "__main__":
    main()
