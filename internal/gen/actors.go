package gen

import "math/rand/v2"

// country is one state the generator writes about: the canonical name the
// gold files use (as in corpus/dev/aliases.json) and the surface forms the
// articles use for it, its agencies and its officials.
type country struct {
	name        string   // canonical name in gold.jsonl
	forms       []string // how articles name it; forms[0] is the usual one
	demonym     string
	capital     string
	navy        string // "" when it has none worth naming
	forces      string // army or armed forces
	ministry    string
	guard       string // border or coast guard, "" when none
	asean       bool
	plus        bool     // an ADMM-Plus partner (non-ASEAN member of the Plus)
	family      []string // family names of its officials
	given       []string // given names
	familyFirst bool     // "Nguyen Chi Vinh": family name first, short form is the last word
	middle      []string // Vietnamese-style middle names (only with familyFirst)
}

// countries is the generator's world. Vietnam is first: most articles are
// VNA reports with Vietnam as host, as in the seeds.
var countries = []country{
	{name: "Vietnam", forms: []string{"Vietnam", "Viet Nam"}, demonym: "Vietnamese", capital: "Hanoi",
		navy: "Vietnam People’s Navy", forces: "Vietnam People’s Army", ministry: "Vietnamese Ministry of National Defence",
		guard: "Vietnam Border Guard", asean: true, familyFirst: true,
		family: []string{"Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do"},
		middle: []string{"Van", "Chi", "Xuan", "Tan", "Duc", "Minh", "Hong", "Quang"},
		given:  []string{"Vinh", "Chien", "Cuong", "Thang", "Hung", "Tuan", "Long", "Son", "Hai", "Nam", "Khanh", "Dung"}},
	{name: "Laos", forms: []string{"Laos"}, demonym: "Lao", capital: "Vientiane",
		forces: "Lao People’s Army", ministry: "Lao Ministry of National Defence", asean: true,
		family: []string{"Phommavong", "Sisavath", "Keomany"}, given: []string{"Chansamone", "Vilay", "Khamphao"}},
	{name: "Cambodia", forms: []string{"Cambodia"}, demonym: "Cambodian", capital: "Phnom Penh",
		navy: "Royal Cambodian Navy", forces: "Royal Cambodian Armed Forces", ministry: "Cambodian Ministry of National Defence", asean: true,
		family: []string{"Chhum", "Sok", "Meas"}, given: []string{"Sovann", "Dara", "Vanna"}},
	{name: "Thailand", forms: []string{"Thailand"}, demonym: "Thai", capital: "Bangkok",
		navy: "Royal Thai Navy", forces: "Royal Thai Armed Forces", ministry: "Thai Defence Ministry", asean: true,
		family: []string{"Srisuk", "Chaiyaporn", "Wongsawat"}, given: []string{"Anupong", "Somchai", "Prawit"}},
	{name: "Myanmar", forms: []string{"Myanmar"}, demonym: "Myanmar", capital: "Nay Pyi Taw",
		navy: "Myanmar Navy", forces: "Myanmar Armed Forces", ministry: "Myanmar Ministry of Defence", asean: true,
		family: []string{"Htun", "Aung", "Thein"}, given: []string{"Kyaw", "Min", "Soe"}},
	{name: "Malaysia", forms: []string{"Malaysia"}, demonym: "Malaysian", capital: "Kuala Lumpur",
		navy: "Royal Malaysian Navy", forces: "Malaysian Armed Forces", ministry: "Malaysian Ministry of Defence",
		guard: "Malaysian Maritime Enforcement Agency", asean: true,
		family: []string{"Ismail", "Rahman", "Hashim"}, given: []string{"Ahmad", "Zulkifli", "Mohd"}},
	{name: "Singapore", forms: []string{"Singapore"}, demonym: "Singaporean", capital: "Singapore",
		navy: "Republic of Singapore Navy", forces: "Singapore Armed Forces", ministry: "Singaporean Ministry of Defence", asean: true,
		family: []string{"Tan", "Lim", "Ng"}, given: []string{"Kian Heng", "Wee Kiat", "Boon Hwee"}, familyFirst: true},
	{name: "Indonesia", forms: []string{"Indonesia"}, demonym: "Indonesian", capital: "Jakarta",
		navy: "Indonesian Navy", forces: "Indonesian National Armed Forces", ministry: "Indonesian Defence Ministry", asean: true,
		family: []string{"Santoso", "Wibowo", "Hadi"}, given: []string{"Agus", "Budi", "Yudo"}},
	{name: "Philippines", forms: []string{"the Philippines"}, demonym: "Philippine", capital: "Manila",
		navy: "Philippine Navy", forces: "Armed Forces of the Philippines", ministry: "Philippine Department of National Defense",
		guard: "Philippine Coast Guard", asean: true,
		family: []string{"Santos", "Reyes", "Lorenzana"}, given: []string{"Delfin", "Romeo", "Gilberto"}},
	{name: "Brunei", forms: []string{"Brunei"}, demonym: "Bruneian", capital: "Bandar Seri Begawan",
		navy: "Royal Brunei Navy", forces: "Royal Brunei Armed Forces", ministry: "Brunei Ministry of Defence", asean: true,
		family: []string{"Yusof", "Jaafar", "Halbi"}, given: []string{"Hamzah", "Abdul Aziz", "Pengiran"}},
	{name: "Australia", forms: []string{"Australia"}, demonym: "Australian", capital: "Canberra",
		navy: "Royal Australian Navy", forces: "Australian Defence Force", ministry: "Australian Department of Defence", plus: true,
		family: []string{"Campbell", "Hammond", "Reynolds"}, given: []string{"Angus", "Mark", "Linda"}},
	{name: "China", forms: []string{"China"}, demonym: "Chinese", capital: "Beijing",
		navy: "Chinese navy", forces: "People’s Liberation Army", ministry: "Chinese Defence Ministry", plus: true, familyFirst: true,
		family: []string{"Wei", "Zhang", "Li"}, given: []string{"Fenghe", "Youxia", "Shangfu"}},
	{name: "India", forms: []string{"India"}, demonym: "Indian", capital: "New Delhi",
		navy: "Indian Navy", forces: "Indian Army", ministry: "Indian Defence Ministry", guard: "Indian Coast Guard", plus: true,
		family: []string{"Singh", "Kumar", "Rao"}, given: []string{"Rajnath", "Ajay", "Giridhar"}},
	{name: "Japan", forms: []string{"Japan"}, demonym: "Japanese", capital: "Tokyo",
		navy: "Japan Maritime Self-Defence Force", forces: "Japan Self-Defence Forces", ministry: "Japanese Ministry of Defence", guard: "Japan Coast Guard", plus: true,
		family: []string{"Yamada", "Kishi", "Endo"}, given: []string{"Nobuo", "Koji", "Makoto"}},
	{name: "New Zealand", forms: []string{"New Zealand"}, demonym: "New Zealand", capital: "Wellington",
		navy: "Royal New Zealand Navy", forces: "New Zealand Defence Force", ministry: "New Zealand Ministry of Defence", plus: true,
		family: []string{"Short", "Henare", "Gilmour"}, given: []string{"Kevin", "Peeni", "David"}},
	{name: "South Korea", forms: []string{"the Republic of Korea", "the RoK"}, demonym: "Korean", capital: "Seoul",
		navy: "Republic of Korea Navy", forces: "Republic of Korea Armed Forces", ministry: "Korean Ministry of National Defence", plus: true, familyFirst: true,
		family: []string{"Kim", "Park", "Lee"}, given: []string{"Jong-sup", "Sung-han", "Won-il"}},
	{name: "Russia", forms: []string{"Russia", "the Russian Federation"}, demonym: "Russian", capital: "Moscow",
		navy: "Russian Navy", forces: "Russian Armed Forces", ministry: "Russian Defence Ministry", plus: true,
		family: []string{"Fomin", "Ivanov", "Tsalikov"}, given: []string{"Alexander", "Nikolai", "Ruslan"}},
	{name: "United States", forms: []string{"the United States", "the US"}, demonym: "US", capital: "Washington",
		navy: "US Navy", forces: "US Armed Forces", ministry: "US Department of Defense", guard: "US Coast Guard", plus: true,
		family: []string{"Miller", "Davidson", "Walsh"}, given: []string{"James", "Philip", "Karen"}},
	{name: "France", forms: []string{"France"}, demonym: "French", capital: "Paris",
		navy: "French Navy", forces: "French Armed Forces", ministry: "French Ministry of the Armed Forces",
		family: []string{"Moreau", "Lefebvre", "Girard"}, given: []string{"Pierre", "Nicolas", "Claire"}},
	{name: "United Kingdom", forms: []string{"the United Kingdom", "the UK"}, demonym: "British", capital: "London",
		navy: "Royal Navy", forces: "British Armed Forces", ministry: "British Ministry of Defence",
		family: []string{"Bray", "Hughes", "Fletcher"}, given: []string{"Nick", "Andrew", "Sarah"}},
	{name: "Germany", forms: []string{"Germany"}, demonym: "German", capital: "Berlin",
		navy: "German Navy", forces: "Bundeswehr", ministry: "German Federal Ministry of Defence",
		family: []string{"Becker", "Schulz", "Hoffmann"}, given: []string{"Thomas", "Markus", "Annette"}},
	{name: "Netherlands", forms: []string{"the Netherlands"}, demonym: "Dutch", capital: "Amsterdam",
		navy: "Royal Netherlands Navy", forces: "Netherlands Armed Forces", ministry: "Dutch Ministry of Defence",
		family: []string{"de Vries", "Bakker", "Visser"}, given: []string{"Jan", "Pieter", "Maarten"}},
	{name: "Israel", forms: []string{"Israel"}, demonym: "Israeli", capital: "Tel Aviv",
		navy: "Israeli Navy", forces: "Israel Defence Forces", ministry: "Israeli Ministry of Defence",
		family: []string{"Cohen", "Levi", "Mizrahi"}, given: []string{"Yoav", "Amir", "Eyal"}},
	{name: "Belarus", forms: []string{"Belarus"}, demonym: "Belarusian", capital: "Minsk",
		forces: "Belarusian Armed Forces", ministry: "Belarusian Ministry of Defence",
		family: []string{"Khrenin", "Volfovich", "Gulevich"}, given: []string{"Viktor", "Alexander", "Dmitry"}},
	{name: "Czech Republic", forms: []string{"the Czech Republic"}, demonym: "Czech", capital: "Prague",
		forces: "Czech Armed Forces", ministry: "Czech Ministry of Defence",
		family: []string{"Novak", "Svoboda", "Dvorak"}, given: []string{"Petr", "Jan", "Jana"}},
	{name: "Canada", forms: []string{"Canada"}, demonym: "Canadian", capital: "Ottawa",
		navy: "Royal Canadian Navy", forces: "Canadian Armed Forces", ministry: "Canadian Department of National Defence",
		family: []string{"Tremblay", "MacDonald", "Roy"}, given: []string{"Wayne", "Anita", "Bill"}},
	{name: "Poland", forms: []string{"Poland"}, demonym: "Polish", capital: "Warsaw",
		navy: "Polish Navy", forces: "Polish Armed Forces", ministry: "Polish Ministry of National Defence",
		family: []string{"Kowalski", "Nowak", "Wisniewski"}, given: []string{"Jaroslaw", "Marek", "Tomasz"}},
	{name: "Mongolia", forms: []string{"Mongolia"}, demonym: "Mongolian", capital: "Ulaanbaatar",
		forces: "Mongolian Armed Forces", ministry: "Mongolian Ministry of Defence",
		family: []string{"Batbayar", "Ganbold", "Enkhbat"}, given: []string{"Saikhanbayar", "Dulamsuren", "Bold"}},
	{name: "Cuba", forms: []string{"Cuba"}, demonym: "Cuban", capital: "Havana",
		navy: "Cuban Revolutionary Navy", forces: "Cuban Revolutionary Armed Forces", ministry: "Cuban Ministry of the Revolutionary Armed Forces",
		family: []string{"Garcia", "Montano", "Lopez"}, given: []string{"Juan Miguel", "Alvaro", "Leopoldo"}},
	{name: "Italy", forms: []string{"Italy"}, demonym: "Italian", capital: "Rome",
		navy: "Italian Navy", forces: "Italian Armed Forces", ministry: "Italian Ministry of Defence",
		family: []string{"Rossi", "Bianchi", "Romano"}, given: []string{"Giuseppe", "Luca", "Marco"}},
	{name: "Spain", forms: []string{"Spain"}, demonym: "Spanish", capital: "Madrid",
		navy: "Spanish Navy", forces: "Spanish Armed Forces", ministry: "Spanish Ministry of Defence",
		family: []string{"Garcia", "Fernandez", "Martinez"}, given: []string{"Carlos", "Javier", "Elena"}},
	{name: "Bangladesh", forms: []string{"Bangladesh"}, demonym: "Bangladeshi", capital: "Dhaka",
		navy: "Bangladesh Navy", forces: "Bangladesh Armed Forces", ministry: "Bangladeshi Ministry of Defence", guard: "Bangladesh Coast Guard",
		family: []string{"Ahmed", "Hossain", "Islam"}, given: []string{"Aziz", "Shaheen", "Mizanur"}},
	{name: "Sri Lanka", forms: []string{"Sri Lanka"}, demonym: "Sri Lankan", capital: "Colombo",
		navy: "Sri Lanka Navy", forces: "Sri Lanka Army", ministry: "Sri Lankan Ministry of Defence",
		family: []string{"Perera", "Silva", "Fernando"}, given: []string{"Kamal", "Nishantha", "Ruwan"}},
	{name: "Kazakhstan", forms: []string{"Kazakhstan"}, demonym: "Kazakh", capital: "Astana",
		forces: "Kazakh Armed Forces", ministry: "Kazakh Ministry of Defence",
		family: []string{"Zhaksylykov", "Ermekbayev", "Akhmedov"}, given: []string{"Ruslan", "Nurlan", "Murat"}},
	{name: "Brazil", forms: []string{"Brazil"}, demonym: "Brazilian", capital: "Brasilia",
		navy: "Brazilian Navy", forces: "Brazilian Armed Forces", ministry: "Brazilian Ministry of Defence",
		family: []string{"Silva", "Souza", "Oliveira"}, given: []string{"Jose", "Paulo", "Fernando"}},
	{name: "South Africa", forms: []string{"South Africa"}, demonym: "South African", capital: "Pretoria",
		navy: "South African Navy", forces: "South African National Defence Force", ministry: "South African Department of Defence",
		family: []string{"Mapisa", "Nkosi", "Dlamini"}, given: []string{"Thandi", "Sipho", "Nosiviwe"}},
	{name: "Turkey", forms: []string{"Turkey"}, demonym: "Turkish", capital: "Ankara",
		navy: "Turkish Naval Forces", forces: "Turkish Armed Forces", ministry: "Turkish Ministry of National Defence",
		family: []string{"Yilmaz", "Demir", "Kaya"}, given: []string{"Mehmet", "Ahmet", "Yasar"}},
	{name: "Hungary", forms: []string{"Hungary"}, demonym: "Hungarian", capital: "Budapest",
		forces: "Hungarian Defence Forces", ministry: "Hungarian Ministry of Defence",
		family: []string{"Nagy", "Kovacs", "Szabo"}, given: []string{"Laszlo", "Istvan", "Zoltan"}},
	{name: "Bulgaria", forms: []string{"Bulgaria"}, demonym: "Bulgarian", capital: "Sofia",
		navy: "Bulgarian Navy", forces: "Bulgarian Armed Forces", ministry: "Bulgarian Ministry of Defence",
		family: []string{"Petrov", "Georgiev", "Dimitrov"}, given: []string{"Ivan", "Todor", "Stefan"}},
	{name: "Chile", forms: []string{"Chile"}, demonym: "Chilean", capital: "Santiago",
		navy: "Chilean Navy", forces: "Chilean Armed Forces", ministry: "Chilean Ministry of National Defence",
		family: []string{"Gonzalez", "Munoz", "Rojas"}, given: []string{"Alberto", "Cristian", "Maya"}},
}

// body is a multilateral organization or forum.
type body struct {
	name  string   // canonical name in gold.jsonl
	forms []string // surface forms
	// members reports whether c may be said to take part.
	members func(c *country) bool
}

func aseanOnly(c *country) bool { return c.asean }
func aseanPlus(c *country) bool { return c.asean || c.plus }
func anyone(*country) bool      { return true }

// The bodies countries are members of; unitedNations is the target of
// PEACEKEEPING.
var (
	asean         = body{name: "ASEAN", forms: []string{"ASEAN", "the Association of Southeast Asian Nations (ASEAN)"}, members: aseanOnly}
	admm          = body{name: "ADMM", forms: []string{"the ADMM", "the ASEAN Defence Ministers’ Meeting (ADMM)"}, members: aseanOnly}
	admmPlus      = body{name: "ADMM-Plus", forms: []string{"the ADMM-Plus", "the ADMM+", "the ASEAN Defence Ministers’ Meeting Plus (ADMM-Plus)"}, members: aseanPlus}
	navyChiefs    = body{name: "ASEAN Navy Chiefs' Meeting", forms: []string{"the ASEAN Navy Chiefs’ Meeting (ANCM)"}, members: aseanOnly}
	cdf           = body{name: "ASEAN Chiefs of Defence Forces' Meeting", forms: []string{"the ASEAN Chiefs of Defence Forces’ Meeting (ACDFM)"}, members: aseanOnly}
	shangriLa     = body{name: "Shangri-La Dialogue", forms: []string{"the Shangri-La Dialogue"}, members: anyone}
	arf           = body{name: "ASEAN Regional Forum", forms: []string{"the ASEAN Regional Forum (ARF)"}, members: aseanPlus}
	unitedNations = body{name: "United Nations", forms: []string{"the United Nations", "the UN"}, members: anyone}
)

// forums are the bodies a multilateral article may be about.
var forums = []*body{&admm, &admmPlus, &navyChiefs, &cdf, &shangriLa, &arf}

// aliases returns the canonical name -> surface forms table written to
// aliases.json: every form, demonym and agency the articles use for an actor.
func aliases() map[string][]string {
	m := map[string][]string{}
	for i := range countries {
		c := &countries[i]
		forms := []string{c.name}
		for _, f := range c.forms {
			forms = appendNew(forms, f)
		}
		for _, f := range []string{c.demonym, c.navy, c.forces, c.ministry, c.guard} {
			if f != "" {
				forms = appendNew(forms, f)
			}
		}
		m[c.name] = forms
	}
	for _, b := range append([]*body{&asean, &unitedNations}, forums...) {
		forms := []string{b.name}
		for _, f := range b.forms {
			forms = appendNew(forms, f)
		}
		m[b.name] = forms
	}
	return m
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }
