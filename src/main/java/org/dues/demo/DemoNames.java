package org.dues.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Names for demo customers as people in each region are named: given and family names
 * that go together (in Kerala a Nair is not a Muhammed), in Malayalam and Latin script
 * for Kerala, in Devanagari and Latin for North India, American names in the US. Each
 * pool is drawn without repeating until every name in it has been used, in an order fixed
 * by its seed, so no name recurs more than a few times over the demo book and the same
 * seed gives the same people.
 */
final class DemoNames {

	/** Given names and family names that go together. */
	record Community(List<String> given, List<String> family) {
	}

	static final List<Community> KERALA_LATIN = List.of(
			new Community(
					List.of("Anil", "Sunil", "Rajesh", "Santhosh", "Sreeja", "Lakshmi", "Deepa", "Anitha", "Bindu",
							"Arun", "Divya", "Reshmi", "Vineeth", "Jayan", "Sreekumar", "Ramesh", "Suresh", "Priya",
							"Sandhya", "Girish", "Hari", "Manoj", "Soumya", "Aswathy", "Gopika", "Vishnu", "Meera",
							"Remya", "Ajith", "Krishnakumar"),
					List.of("Nair", "Menon", "Pillai", "Kurup", "Panicker", "Warrier", "Nambiar", "Kumar", "Krishnan",
							"Varma", "Namboothiri", "Unnithan")),
			new Community(
					List.of("Thomas", "Jose", "Biju", "Shaji", "Ancy", "Saji", "Mathew", "George", "Jaison", "Tessy",
							"Mini", "Reena", "Jincy", "Sabu", "Bency", "Anu", "Jomon", "Lijo", "Shiny", "Elizabeth",
							"Joseph", "Sebastian", "Annamma", "Rosamma"),
					List.of("Mathew", "Varghese", "Joseph", "George", "Thomas", "Kurian", "Chacko", "Koshy", "Philip",
							"Abraham", "Jacob", "Antony")),
			new Community(
					List.of("Muhammed", "Fathima", "Abdul", "Shameer", "Nisha", "Raziya", "Haris", "Sajna", "Ashraf",
							"Jasmine", "Faisal", "Shabana", "Anas", "Sulfath", "Rahim", "Naseema"),
					List.of("Basheer", "Rahman", "Hameed", "Koya", "Ali", "Musthafa", "Kunju", "Ibrahim", "Salim",
							"Kabeer")));

	static final List<Community> KERALA_MALAYALAM = List.of(
			new Community(
					List.of("അനിൽ", "സുനിൽ", "രാജേഷ്", "സന്തോഷ്", "ശ്രീജ", "ലക്ഷ്മി", "ദീപ", "അനിത", "ബിന്ദു", "അരുൺ",
							"ദിവ്യ", "രേഷ്മ", "വിനീത്", "ജയൻ", "ശ്രീകുമാർ", "രമേശ്", "സുരേഷ്", "പ്രിയ", "സന്ധ്യ",
							"ഗിരീഷ്", "ഹരി", "മനോജ്", "സൗമ്യ", "അശ്വതി", "വിഷ്ണു", "മീര", "രമ്യ", "അജിത്"),
					List.of("നായർ", "മേനോൻ", "പിള്ള", "കുറുപ്പ്", "പണിക്കർ", "വാര്യർ", "നമ്പ്യാർ", "കുമാർ", "കൃഷ്ണൻ",
							"വർമ്മ", "ഉണ്ണിത്താൻ")),
			new Community(
					List.of("തോമസ്", "ജോസ്", "ബിജു", "ഷാജി", "ആൻസി", "സജി", "മാത്യു", "ജോർജ്", "ജെയ്സൺ", "ടെസ്സി",
							"മിനി", "റീന", "ജിൻസി", "സാബു", "ബെൻസി", "അനു", "ജോമോൻ", "ലിജോ", "ഷൈനി", "എലിസബത്ത്",
							"ജോസഫ്", "സെബാസ്റ്റ്യൻ"),
					List.of("മാത്യു", "വർഗീസ്", "ജോസഫ്", "ജോർജ്", "തോമസ്", "കുര്യൻ", "ചാക്കോ", "കോശി", "ഫിലിപ്പ്",
							"എബ്രഹാം", "ജേക്കബ്", "ആന്റണി")),
			new Community(
					List.of("മുഹമ്മദ്", "ഫാത്തിമ", "അബ്ദുൽ", "ഷമീർ", "നിഷ", "റസിയ", "ഹാരിസ്", "സജ്ന", "അഷ്റഫ്",
							"ജാസ്മിൻ", "ഫൈസൽ", "ഷബാന", "അനസ്", "റഹീം", "നസീമ"),
					List.of("ബഷീർ", "റഹ്മാൻ", "ഹമീദ്", "കോയ", "അലി", "മുസ്തഫ", "കുഞ്ഞ്", "ഇബ്രാഹിം", "സലിം", "കബീർ")));

	static final List<Community> NORTH_LATIN = List.of(new Community(
			List.of("Rahul", "Amit", "Sunil", "Vikas", "Sanjay", "Ramesh", "Deepak", "Priya", "Sunita", "Pooja",
					"Anjali", "Neha", "Rajesh", "Manoj", "Arun", "Kavita", "Rekha", "Suman", "Ankit", "Rohit", "Nitin",
					"Vivek", "Alok", "Pankaj", "Ritu", "Shalini", "Meena", "Geeta", "Sachin", "Gaurav", "Ajay", "Vijay",
					"Sushil", "Nisha", "Preeti", "Komal", "Manish", "Ravi", "Suresh", "Asha"),
			List.of("Sharma", "Verma", "Singh", "Gupta", "Yadav", "Chauhan", "Mishra", "Agarwal", "Tiwari", "Pandey",
					"Srivastava", "Saxena", "Kumar", "Jain", "Rastogi", "Dubey", "Tripathi", "Joshi", "Bansal",
					"Mehta")));

	static final List<Community> NORTH_DEVANAGARI = List.of(new Community(
			List.of("राहुल", "अमित", "सुनील", "विकास", "संजय", "रमेश", "दीपक", "प्रिया", "सुनीता", "पूजा", "अंजलि",
					"नेहा", "राजेश", "मनोज", "अरुण", "कविता", "रेखा", "सुमन", "अंकित", "रोहित", "नितिन", "विवेक",
					"आलोक", "पंकज", "रितु", "शालिनी", "मीना", "गीता", "सचिन", "गौरव"),
			List.of("शर्मा", "वर्मा", "सिंह", "गुप्ता", "यादव", "चौहान", "मिश्रा", "अग्रवाल", "तिवारी", "पांडेय",
					"श्रीवास्तव", "सक्सेना", "कुमार", "जैन", "दुबे", "त्रिपाठी")));

	static final List<Community> US = List.of(new Community(
			List.of("James", "Maria", "Robert", "Jennifer", "Michael", "Linda", "David", "Patricia", "Carlos", "Aisha",
					"Kevin", "Emily", "Jamal", "Sofia", "Daniel", "Jessica", "Christopher", "Ashley", "Matthew",
					"Amanda", "Joshua", "Stephanie", "Andrew", "Nicole", "Brian", "Melissa", "Anthony", "Rachel",
					"Tyler", "Lauren", "Brandon", "Megan", "Luis", "Ana", "Jose", "Rosa", "Minh", "Linh", "Wei", "Mei",
					"Darnell", "Keisha", "Omar", "Fatima", "Ryan", "Kayla", "Ethan", "Olivia"),
			List.of("Smith", "Garcia", "Johnson", "Williams", "Brown", "Davis", "Miller", "Wilson", "Rodriguez", "Khan",
					"Tran", "O'Brien", "Martinez", "Washington", "Lee", "Kowalski", "Jones", "Anderson", "Taylor",
					"Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Moore", "Clark", "Lewis", "Robinson",
					"Walker", "Young", "Allen", "King", "Wright", "Scott", "Hernandez", "Lopez", "Gonzalez", "Nguyen",
					"Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell")));

	private final List<String> names;

	private int drawn;

	/** A draw from the communities' names in an order fixed by the seed. */
	DemoNames(List<Community> communities, long seed) {
		List<String> all = new ArrayList<>();
		for (Community community : communities) {
			for (String given : community.given()) {
				for (String family : community.family()) {
					all.add(given + " " + family);
				}
			}
		}
		Collections.shuffle(all, new Random(seed));
		this.names = List.copyOf(all);
	}

	/** The next name; after every name was drawn once, the same order again. */
	String next() {
		return this.names.get(this.drawn++ % this.names.size());
	}

	/** How many different names the draw holds. */
	int size() {
		return this.names.size();
	}

}
